package com.opensvc.aftersales.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries between a service's features (DESIGN.md §3), checked by one test per service:
 * <ol>
 * <li>Spring Modulith's verification: each direct sub-package of the application's package is a feature; no cycles
 * between features, and no feature reaches into another's sub-packages;</li>
 * <li>a feature's repository is called only from its own package;</li>
 * <li>a table is written ({@code INSERT}, {@code UPDATE}, {@code DELETE}) only from the package of the feature that
 * owns it, as the service's table of owners says; a table the service writes without an owner fails too.</li>
 * </ol>
 */
public final class FeatureBoundaries {
    /** SQL is written in upper case and table names in lower case (as the migrations do). */
    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([a-z_][a-z0-9_]*)\\b");

    private FeatureBoundaries() {
    }

    /**
     * @param application the service's {@code @SpringBootApplication} class
     * @param tableOwners table → the feature package that owns it (e.g. {@code "ticket_history" → "ticket"})
     */
    public static void verify(Class<?> application, Map<String, String> tableOwners) {
        ApplicationModules.of(application).verify();
        String base = application.getPackageName();
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage(base + "..")
                .should(onlyBeCalledFromTheirOwnPackage()).check(classes);
        List<String> violations = tableWrites(Path.of("src/main/java").resolve(base.replace('.', '/')), tableOwners);
        if (!violations.isEmpty()) {
            throw new AssertionError("tables written outside their feature:\n  " + String.join("\n  ", violations));
        }
    }

    private static ArchCondition<JavaClass> onlyBeCalledFromTheirOwnPackage() {
        return new ArchCondition<>("only be accessed from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                repository.getAccessesToSelf().stream()
                        .filter(access -> !access.getOriginOwner().getPackageName().equals(repository.getPackageName()))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription())));
            }
        };
    }

    static List<String> tableWrites(Path featureRoot, Map<String, String> tableOwners) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(featureRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = featureRoot.relativize(file);
                String feature = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                Matcher matcher = WRITE.matcher(Files.readString(file));
                TreeSet<String> written = new TreeSet<>();
                while (matcher.find()) {
                    written.add(matcher.group(1));
                }
                for (String table : written) {
                    String owner = tableOwners.get(table);
                    if (owner == null) {
                        violations.add(relative + " writes " + table + ", which has no owner in the table of owners");
                    } else if (!owner.equals(feature)) {
                        violations.add(relative + " writes " + table + ", which belongs to " + owner);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }
}
