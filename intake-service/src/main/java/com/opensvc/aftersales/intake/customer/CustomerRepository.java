package com.opensvc.aftersales.intake.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class CustomerRepository {
    /** Retired contacts are ordered after every current one (a customer has at most 20). */
    private static final int RETIRED_POSITION = 1000;

    private final JdbcClient jdbc;

    public void insert(UUID id, CustomerInput input, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO customer (id, name, region, customer_class, note, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :name, :region, :class, :note, :at, :actor, :at, :actor)
                """)
                .param("id", id).param("name", input.name()).param("region", input.region())
                .param("class", input.classOrDefault().name()).param("note", input.note())
                .param("at", Timestamps.utc(now)).param("actor", actor).update();
        saveDetails(id, input, now, actor);
    }

    /** @return false when the version did not match (someone else changed the customer) */
    public boolean update(UUID id, int expectedVersion, CustomerInput input, Instant now, String actor) {
        int updated = jdbc.sql("""
                UPDATE customer SET name = :name, region = :region, customer_class = :class, note = :note,
                    version = version + 1, updated_at = :at, updated_by = :actor
                WHERE id = :id AND version = :version AND deleted_at IS NULL
                """)
                .param("id", id).param("version", expectedVersion).param("name", input.name())
                .param("region", input.region()).param("class", input.classOrDefault().name())
                .param("note", input.note()).param("at", Timestamps.utc(now)).param("actor", actor).update();
        if (updated == 1) {
            saveDetails(id, input, now, actor);
        }
        return updated == 1;
    }

    /**
     * Brings the stored contacts, addresses and groups to what the input lists, in place: a listed contact or
     * address that matches a stored one ({@link #matchStored}) is updated under its id, the others are inserted,
     * and a stored one no longer listed is removed — except a contact a ticket refers to, which is retired (kept
     * for the ticket, no longer one of the customer's contacts). Never deletes a row a ticket points at.
     */
    private void saveDetails(UUID id, CustomerInput input, Instant now, String actor) {
        saveContacts(id, input.contacts(), now, actor);
        saveAddresses(id, input.addressesOrEmpty());
        jdbc.sql("DELETE FROM customer_group_member WHERE customer_id = :id").param("id", id).update();
        for (String group : input.groupsOrEmpty()) {
            jdbc.sql("INSERT INTO customer_group (name, created_at) VALUES (:name, :at) ON CONFLICT DO NOTHING")
                    .param("name", group).param("at", Timestamps.utc(now)).update();
            jdbc.sql("INSERT INTO customer_group_member (customer_id, group_name) VALUES (:id, :name) ON CONFLICT DO NOTHING")
                    .param("id", id).param("name", group).update();
        }
    }

    private void saveContacts(UUID customerId, List<CustomerInput.ContactInput> inputs, Instant now, String actor) {
        Map<UUID, String> stored = new LinkedHashMap<>();
        jdbc.sql("SELECT id, phone_key FROM customer_contact WHERE customer_id = :id AND retired_at IS NULL ORDER BY position")
                .param("id", customerId)
                .query(rs -> {
                    stored.put(rs.getObject("id", UUID.class), rs.getString("phone_key"));
                });
        List<UUID> targets = matchStored(inputs.stream().map(CustomerInput.ContactInput::id).toList(),
                inputs.stream().map(c -> PhoneKey.of(c.phone())).toList(), stored);
        boolean anyPrimary = inputs.stream().anyMatch(CustomerInput.ContactInput::isPrimary);
        for (int position = 0; position < inputs.size(); position++) {
            CustomerInput.ContactInput c = inputs.get(position);
            UUID target = targets.get(position);
            jdbc.sql(target == null ? """
                            INSERT INTO customer_contact (id, customer_id, name, phone, phone_key, email, role, is_primary, position)
                            VALUES (:cid, :id, :name, :phone, :key, :email, :role, :primary, :position)
                            """ : """
                            UPDATE customer_contact SET name = :name, phone = :phone, phone_key = :key, email = :email,
                                role = :role, is_primary = :primary, position = :position
                            WHERE id = :cid AND customer_id = :id AND retired_at IS NULL
                            """)
                    .param("cid", target == null ? UUID.randomUUID() : target).param("id", customerId)
                    .param("name", c.name()).param("phone", c.phone()).param("key", PhoneKey.of(c.phone()))
                    .param("email", c.email()).param("role", c.role())
                    .param("primary", c.isPrimary() || (!anyPrimary && position == 0)).param("position", position)
                    .update();
        }
        for (UUID gone : stored.keySet()) {
            if (targets.contains(gone)) {
                continue;
            }
            int deleted = jdbc.sql("""
                    DELETE FROM customer_contact cc
                    WHERE cc.id = :cid AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.contact_id = cc.id)
                    """).param("cid", gone).update();
            if (deleted == 0) {
                // a ticket refers to it: retired, never primary again and ordered after every current contact
                jdbc.sql("""
                        UPDATE customer_contact SET retired_at = :at, retired_by = :actor, is_primary = false,
                            position = :retiredPosition + position
                        WHERE id = :cid
                        """).param("cid", gone).param("at", Timestamps.utc(now)).param("actor", actor)
                        .param("retiredPosition", RETIRED_POSITION).update();
            }
        }
    }

    private void saveAddresses(UUID customerId, List<CustomerInput.AddressInput> inputs) {
        Map<UUID, String> stored = new LinkedHashMap<>();
        jdbc.sql("SELECT id, line FROM customer_address WHERE customer_id = :id ORDER BY position")
                .param("id", customerId)
                .query(rs -> {
                    stored.put(rs.getObject("id", UUID.class), lineKey(rs.getString("line")));
                });
        List<UUID> targets = matchStored(inputs.stream().map(CustomerInput.AddressInput::id).toList(),
                inputs.stream().map(a -> lineKey(a.line())).toList(), stored);
        boolean anyPrimary = inputs.stream().anyMatch(CustomerInput.AddressInput::isPrimary);
        for (int position = 0; position < inputs.size(); position++) {
            CustomerInput.AddressInput a = inputs.get(position);
            UUID target = targets.get(position);
            jdbc.sql(target == null ? """
                            INSERT INTO customer_address (id, customer_id, label, line, city, region, postal_code, is_primary, position)
                            VALUES (:aid, :id, :label, :line, :city, :region, :postal, :primary, :position)
                            """ : """
                            UPDATE customer_address SET label = :label, line = :line, city = :city, region = :region,
                                postal_code = :postal, is_primary = :primary, position = :position
                            WHERE id = :aid AND customer_id = :id
                            """)
                    .param("aid", target == null ? UUID.randomUUID() : target).param("id", customerId)
                    .param("label", a.label()).param("line", a.line()).param("city", a.city())
                    .param("region", a.region()).param("postal", a.postalCode())
                    .param("primary", a.isPrimary() || (!anyPrimary && position == 0)).param("position", position)
                    .update();
        }
        List<UUID> gone = stored.keySet().stream().filter(row -> !targets.contains(row)).toList();
        if (!gone.isEmpty()) {
            // nothing refers to an address: one no longer listed is removed
            jdbc.sql("DELETE FROM customer_address WHERE customer_id = :id AND id IN (:gone)")
                    .param("id", customerId).param("gone", gone).update();
        }
    }

    /**
     * Which stored row each listed entry updates (null: a new row). An entry with an id updates that row (the
     * service has checked it is one of the customer's); an entry without one takes the first stored row with the
     * same key (a contact's phone, an address's line) that no other entry claims, so an edit that sends the lists
     * back without ids keeps the rows — and what tickets refer to — where they are.
     */
    static List<UUID> matchStored(List<UUID> givenIds, List<String> keys, Map<UUID, String> stored) {
        Set<UUID> claimed = new HashSet<>();
        for (UUID given : givenIds) {
            if (given != null && stored.containsKey(given)) {
                claimed.add(given);
            }
        }
        List<UUID> targets = new ArrayList<>(givenIds.size());
        for (int i = 0; i < givenIds.size(); i++) {
            UUID given = givenIds.get(i);
            if (given != null) {
                targets.add(stored.containsKey(given) ? given : null);
                continue;
            }
            UUID match = null;
            for (Map.Entry<UUID, String> row : stored.entrySet()) {
                if (!claimed.contains(row.getKey()) && row.getValue().equals(keys.get(i))) {
                    match = row.getKey();
                    break;
                }
            }
            if (match != null) {
                claimed.add(match);
            }
            targets.add(match);
        }
        return targets;
    }

    private static String lineKey(String line) {
        return line == null ? "" : line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public boolean setBlocked(UUID id, boolean blocked, String reason, Instant now, String actor) {
        return jdbc.sql("""
                UPDATE customer SET blocked = :blocked, blocked_reason = :reason, blocked_by = :by, blocked_at = :blockedAt,
                    version = version + 1, updated_at = :at, updated_by = :actor
                WHERE id = :id AND deleted_at IS NULL
                """)
                .param("id", id).param("blocked", blocked).param("reason", blocked ? reason : null)
                .param("by", blocked ? actor : null).param("blockedAt", blocked ? Timestamps.utc(now) : null)
                .param("at", Timestamps.utc(now)).param("actor", actor).update() == 1;
    }

    /** SEC-05: a recorded soft delete; the row and its tickets stay. */
    public boolean softDelete(UUID id, Instant now, String actor) {
        return jdbc.sql("""
                UPDATE customer SET deleted_at = :at, deleted_by = :actor, version = version + 1, updated_at = :at,
                    updated_by = :actor WHERE id = :id AND deleted_at IS NULL
                """).param("id", id).param("at", Timestamps.utc(now)).param("actor", actor).update() == 1;
    }

    public Optional<Customer> find(UUID id) {
        List<Customer> found = load(jdbc.sql("SELECT * FROM customer WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query(this::row).list());
        return found.stream().findFirst();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM customer WHERE id = :id AND deleted_at IS NULL").param("id", id)
                .query(Long.class).single() == 1;
    }

    /** Customers with a contact whose phone has this key (INT-24). */
    public List<Customer> findByPhone(String phone) {
        return load(jdbc.sql("""
                SELECT c.* FROM customer c
                WHERE c.deleted_at IS NULL
                  AND c.id IN (SELECT customer_id FROM customer_contact WHERE phone_key = :key AND retired_at IS NULL)
                ORDER BY c.name, c.id LIMIT 20
                """).param("key", PhoneKey.of(phone)).query(this::row).list());
    }

    public PageOf<Customer> search(CustomerFilter filter, Paging paging) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT count(*) FROM customer c" + where).params(params).query(Long.class).single();
        List<Customer> items = load(jdbc.sql("SELECT c.* FROM customer c" + where
                        + " ORDER BY lower(c.name), c.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset()).query(this::row).list());
        return paging.of(items, total);
    }

    /** RPT-04 exports: the customers after {@code after} in id order that match the filter, a page at a time. */
    public List<Customer> exportPage(CustomerFilter filter, UUID after, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params) + " AND (CAST(:after AS uuid) IS NULL OR c.id > :after)";
        return load(jdbc.sql("SELECT c.* FROM customer c" + where + " ORDER BY c.id LIMIT :limit")
                .params(params).param("after", after).param("limit", size).query(this::row).list());
    }

    /** The WHERE clause of a customer filter; the values go into {@code params}, never into the SQL text. */
    private static String where(CustomerFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE c.deleted_at IS NULL");
        if (filter.nameStartsWith() != null && !filter.nameStartsWith().isBlank()) {
            where.append(" AND lower(c.name) LIKE :name");
            params.put("name", escapeLike(filter.nameStartsWith().trim().toLowerCase()) + "%");
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            where.append(" AND c.id IN (SELECT customer_id FROM customer_contact WHERE phone_key = :key AND retired_at IS NULL)");
            params.put("key", PhoneKey.of(filter.phone()));
        }
        if (filter.group() != null && !filter.group().isBlank()) {
            where.append(" AND c.id IN (SELECT customer_id FROM customer_group_member WHERE group_name = :group)");
            params.put("group", filter.group());
        }
        if (filter.customerClass() != null) {
            where.append(" AND c.customer_class = :class");
            params.put("class", filter.customerClass().name());
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            where.append(" AND c.region = :region");
            params.put("region", filter.region());
        }
        if (filter.blocked() != null) {
            where.append(" AND c.blocked = :blocked");
            params.put("blocked", filter.blocked());
        }
        return where.toString();
    }

    private record Row(UUID id, String name, CustomerClass customerClass, String region, String note, boolean blocked,
                       String blockedReason, String blockedBy, Instant blockedAt, int version, Instant createdAt,
                       String createdBy, Instant updatedAt, String updatedBy) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                CustomerClass.valueOf(rs.getString("customer_class")), rs.getString("region"), rs.getString("note"),
                rs.getBoolean("blocked"), rs.getString("blocked_reason"), rs.getString("blocked_by"),
                Timestamps.instant(rs, "blocked_at"), rs.getInt("version"), Timestamps.instant(rs, "created_at"),
                rs.getString("created_by"), Timestamps.instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    /** Loads contacts, addresses and groups for a batch of customers in three queries. */
    private List<Customer> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<Contact>> contacts = contacts(ids);
        Map<UUID, List<Address>> addresses = addresses(ids);
        Map<UUID, List<String>> groups = new LinkedHashMap<>();
        jdbc.sql("SELECT customer_id, group_name FROM customer_group_member WHERE customer_id IN (:ids) ORDER BY group_name")
                .param("ids", ids).query(rs -> {
                    groups.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return rows.stream().map(r -> new Customer(r.id(), r.name(), r.customerClass(), r.region(), r.note(),
                contacts.getOrDefault(r.id(), List.of()), addresses.getOrDefault(r.id(), List.of()),
                groups.getOrDefault(r.id(), List.of()), r.blocked(), r.blockedReason(), r.blockedBy(), r.blockedAt(),
                r.version(), r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy())).toList();
    }

    private Map<UUID, List<Contact>> contacts(Collection<UUID> ids) {
        Map<UUID, List<Contact>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM customer_contact WHERE customer_id IN (:ids) AND retired_at IS NULL ORDER BY customer_id, position")
                .param("ids", ids).query(rs -> {
                    result.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new ArrayList<>())
                            .add(new Contact(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("phone"),
                                    rs.getString("email"), rs.getString("role"), rs.getBoolean("is_primary")));
                });
        return result;
    }

    private Map<UUID, List<Address>> addresses(Collection<UUID> ids) {
        Map<UUID, List<Address>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM customer_address WHERE customer_id IN (:ids) ORDER BY customer_id, position")
                .param("ids", ids).query(rs -> {
                    result.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new ArrayList<>())
                            .add(new Address(rs.getObject("id", UUID.class), rs.getString("label"), rs.getString("line"),
                                    rs.getString("city"), rs.getString("region"), rs.getString("postal_code"),
                                    rs.getBoolean("is_primary")));
                });
        return result;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The customers with these ids that exist and are not deleted, in one batch (RPT-04 imports). */
    public List<Customer> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(jdbc.sql("SELECT c.* FROM customer c WHERE c.deleted_at IS NULL AND c.id IN (:ids)")
                .param("ids", ids).query(this::row).list());
    }
}
