package com.opensvc.aftersales.intake.complaint.accountability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * INT-21: one month's complaints with their responsibility decisions, the rewards/penalties decided in the month,
 * and the totals per person and per responsible department — what goes to the general manager and finance.
 *
 * @param issuedAt when the monthly job issued the report (null while not issued)
 */
public record AccountabilityReport(String month, String zone, Instant from, Instant to, Instant issuedAt,
                                   String issuedBy, int complaintCount, int penaltyCount, BigDecimal totalDeductions,
                                   List<ComplaintLine> complaints, List<PenaltyLine> penalties,
                                   List<PersonTotal> totalsByPerson, List<DepartmentTotal> totalsByDepartment) {

    /** A department that was not (yet) named on a complaint. */
    public static final String NO_DEPARTMENT = "NONE";

    /**
     * A complaint decided or finished in the month: its responsibility decision and who approved it.
     *
     * @param approvedBy the general manager in charge who approved the final handling opinion
     */
    public record ComplaintLine(UUID ticketId, String ticketNumber, UUID complaintId, String state, boolean major,
                                String responsibleDepartment, String responsiblePerson, String remedy,
                                String approvedBy, Instant approvedAt, String executedBy, Instant executedAt,
                                Instant formReturnedAt) {
    }

    /** A penalty (or warning) decided in the month, with the responsible department of its complaint. */
    public record PenaltyLine(UUID ticketId, String ticketNumber, String responsibleDepartment, String person,
                              String kind, BigDecimal amount, String note, boolean departmentAssessed,
                              String decidedBy, Instant decidedAt) {
    }

    /** @param notAssessed penalties the person's department has not assessed yet */
    public record PersonTotal(String person, int penalties, int warnings, int deductions, int others,
                              BigDecimal deductionAmount, BigDecimal otherAmount, int notAssessed) {
    }

    public record DepartmentTotal(String department, int complaints, int penalties, BigDecimal deductionAmount,
                                  BigDecimal otherAmount) {
    }

    /** The report with its totals; penalties count in the month they were decided, so never in two reports. */
    public static AccountabilityReport of(String month, String zone, Instant from, Instant to, Instant issuedAt,
                                          String issuedBy, List<ComplaintLine> complaints, List<PenaltyLine> penalties) {
        Map<String, PersonTotal> persons = new TreeMap<>();
        for (PenaltyLine p : penalties) {
            PersonTotal t = persons.getOrDefault(p.person(),
                    new PersonTotal(p.person(), 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0));
            BigDecimal amount = p.amount() == null ? BigDecimal.ZERO : p.amount();
            persons.put(p.person(), new PersonTotal(p.person(), t.penalties() + 1,
                    t.warnings() + ("WARNING".equals(p.kind()) ? 1 : 0), t.deductions() + ("DEDUCTION".equals(p.kind()) ? 1 : 0),
                    t.others() + ("OTHER".equals(p.kind()) ? 1 : 0),
                    "DEDUCTION".equals(p.kind()) ? t.deductionAmount().add(amount) : t.deductionAmount(),
                    "OTHER".equals(p.kind()) ? t.otherAmount().add(amount) : t.otherAmount(),
                    t.notAssessed() + (p.departmentAssessed() ? 0 : 1)));
        }
        Map<String, int[]> departmentCounts = new TreeMap<>();
        Map<String, BigDecimal[]> departmentAmounts = new LinkedHashMap<>();
        for (ComplaintLine c : complaints) {
            departmentCounts.computeIfAbsent(department(c.responsibleDepartment()), d -> new int[2])[0]++;
        }
        for (PenaltyLine p : penalties) {
            String department = department(p.responsibleDepartment());
            departmentCounts.computeIfAbsent(department, d -> new int[2])[1]++;
            BigDecimal[] amounts = departmentAmounts.computeIfAbsent(department,
                    d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal amount = p.amount() == null ? BigDecimal.ZERO : p.amount();
            if ("DEDUCTION".equals(p.kind())) {
                amounts[0] = amounts[0].add(amount);
            } else if ("OTHER".equals(p.kind())) {
                amounts[1] = amounts[1].add(amount);
            }
        }
        List<DepartmentTotal> departments = new ArrayList<>();
        departmentCounts.forEach((department, counts) -> {
            BigDecimal[] amounts = departmentAmounts.getOrDefault(department,
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            departments.add(new DepartmentTotal(department, counts[0], counts[1], amounts[0], amounts[1]));
        });
        BigDecimal deductions = penalties.stream().filter(p -> "DEDUCTION".equals(p.kind()) && p.amount() != null)
                .map(PenaltyLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ComplaintLine> sorted = complaints.stream()
                .sorted(Comparator.comparing(ComplaintLine::ticketNumber)).toList();
        return new AccountabilityReport(month, zone, from, to, issuedAt, issuedBy, complaints.size(), penalties.size(),
                deductions, sorted, List.copyOf(penalties), List.copyOf(persons.values()), List.copyOf(departments));
    }

    private static String department(String department) {
        return department == null ? NO_DEPARTMENT : department;
    }
}
