package com.opensvc.aftersales.quality.improvement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * QLT-05: the root cause, which department or process it lies with (at least one of the two), and what it is.
 *
 * @param process a process name, e.g. "incoming inspection"; optional when a department is named
 */
public record RootCause(Department department,
                        @Size(max = 200) @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String process,
                        @NotBlank @Size(max = 2000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String description) {

    /** A department, or a process instead. */
    boolean namesWhere() {
        return department != null || (process != null && !process.isBlank());
    }

    /** e.g. {@code PURCHASING (incoming inspection): supplier lot not tested at high humidity} */
    String describe() {
        String where = department == null ? process.strip()
                : process == null || process.isBlank() ? department.name() : department.name() + " (" + process.strip() + ")";
        return where + ": " + description.strip();
    }
}
