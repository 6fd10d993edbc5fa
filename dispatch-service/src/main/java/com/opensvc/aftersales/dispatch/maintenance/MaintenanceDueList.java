package com.opensvc.aftersales.dispatch.maintenance;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * RPT-03: what maintenance is due by a day, read from the plans' schedules and their open orders: each schedule's
 * next due date once (its open order if one was generated, else the plan's next date), overdue ones first.
 */
@Component
@RequiredArgsConstructor
class MaintenanceDueList {
    private final JdbcClient jdbc;
    private static final String FROM = """
              FROM maintenance_schedule s
              JOIN maintenance_plan p ON p.id = s.plan_id
              LEFT JOIN maintenance_order o ON o.id = s.open_order_id
             WHERE (p.state = 'ACTIVE' OR o.state IN ('DUE', 'ASSIGNED'))
               AND COALESCE(o.due_date, s.next_due) <= :horizon
               AND (CAST(:technician AS text) IS NULL OR COALESCE(o.technician, p.technician) = :technician)
            """;

    /** @param technician only what is theirs (their orders, and their plans' dates not generated yet); null: all */
    PageOf<MaintenanceDue> dueBy(LocalDate today, LocalDate horizon, String technician, Paging paging) {
        List<MaintenanceDue> due = jdbc.sql("""
                SELECT s.plan_id, s.id AS schedule_id, o.id AS order_id, s.kind, s.mode, s.name,
                       COALESCE(o.due_date, s.next_due) AS due_date, COALESCE(o.state, 'PLANNED') AS state,
                       COALESCE(o.technician, p.technician) AS technician, p.customer_id, p.installed_product_id,
                       p.product_model, p.serial_number, p.region
                """ + FROM + " ORDER BY due_date, s.id LIMIT :limit OFFSET :offset")
                .param("horizon", Date.valueOf(horizon)).param("technician", technician)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> {
                    LocalDate dueDate = rs.getObject("due_date", LocalDate.class);
                    int daysLeft = (int) ChronoUnit.DAYS.between(today, dueDate);
                    return new MaintenanceDue(rs.getObject("plan_id", UUID.class),
                            rs.getObject("schedule_id", UUID.class), rs.getObject("order_id", UUID.class),
                            ScheduleKind.valueOf(rs.getString("kind")), InspectionMode.valueOf(rs.getString("mode")),
                            rs.getString("name"), dueDate, daysLeft, daysLeft < 0, rs.getString("state"),
                            rs.getString("technician"), rs.getObject("customer_id", UUID.class),
                            rs.getObject("installed_product_id", UUID.class), rs.getString("product_model"),
                            rs.getString("serial_number"), rs.getString("region"));
                }).list();
        long total = jdbc.sql("SELECT count(*)" + FROM).param("horizon", Date.valueOf(horizon))
                .param("technician", technician).query(Long.class).single();
        return paging.of(due, total);
    }
}
