package com.opensvc.aftersales.intake.contract;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class ServiceContractRepository {
    private final JdbcClient jdbc;

    public void insert(UUID id, ServiceContractInput input, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO service_contract (id, number, customer_id, starts_on, ends_on, covered_services,
                    warranty_extension_months, created_at, created_by)
                VALUES (:id, :number, :customer, :starts, :ends, string_to_array(:services, ','), :extension, :at, :actor)
                """)
                .param("id", id).param("number", input.number().trim()).param("customer", input.customerId())
                .param("starts", input.startsOn()).param("ends", input.endsOn())
                .param("services", String.join(",", input.coveredServices().stream().map(Enum::name).sorted().toList()))
                .param("extension", input.warrantyExtensionMonths()).param("at", Timestamps.utc(now)).param("actor", actor)
                .update();
    }

    public boolean numberTaken(String number) {
        return jdbc.sql("SELECT count(*) FROM service_contract WHERE number = :n").param("n", number.trim())
                .query(Long.class).single() > 0;
    }

    public Optional<ServiceContract> find(UUID id) {
        return jdbc.sql("SELECT * FROM service_contract WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<ServiceContract> ofCustomer(UUID customerId) {
        return jdbc.sql("SELECT * FROM service_contract WHERE customer_id = :id ORDER BY starts_on DESC")
                .param("id", customerId).query(this::map).list();
    }

    private ServiceContract map(ResultSet rs, int row) throws SQLException {
        Array services = rs.getArray("covered_services");
        Set<String> covered = new LinkedHashSet<>(List.of((String[]) services.getArray()));
        return new ServiceContract(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("customer_id", UUID.class), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), covered, rs.getInt("warranty_extension_months"),
                rs.getInt("version"), Timestamps.instant(rs, "created_at"),
                rs.getString("created_by"));
    }
}
