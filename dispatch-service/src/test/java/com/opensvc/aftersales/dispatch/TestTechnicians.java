package com.opensvc.aftersales.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The technicians dispatch's platform tests dispatch to. A freshly migrated dispatch database has none (DOMAIN.md
 * §11: demo technicians are deploy/local's), so each test class creates the ones it needs; idempotent.
 */
public final class TestTechnicians {
    private TestTechnicians() {
    }

    /** tech.north, tech.north2 (NORTH) and tech.south (SOUTH), with room for every order the tests open. */
    public static void ensure(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity) VALUES
                    ('tech.north',  'Test North',  ARRAY['AIR_CONDITIONER', 'LAUNDRY'], ARRAY['NORTH'], 'STORE-NORTH', 100000),
                    ('tech.north2', 'Test North2', ARRAY['AIR_CONDITIONER'],            ARRAY['NORTH'], 'STORE-NORTH', 100000),
                    ('tech.south',  'Test South',  ARRAY['AIR_CONDITIONER', 'LAUNDRY'], ARRAY['SOUTH'], 'STORE-SOUTH', 100000)
                ON CONFLICT (login) DO NOTHING
                """).update();
    }

    /** A product line of its own for one test, so that technicians of other tests are never proposed for its orders. */
    public static String productLine() {
        return "PL-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /** A technician of one test: {@code login}, skilled in {@code productLine}, covering {@code region}. */
    public static void create(JdbcClient jdbc, String login, String productLine, String region, int capacity) {
        jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity)
                VALUES (:login, :login, ARRAY[:line], ARRAY[:region], 'STORE-NORTH', :capacity)
                """).param("login", login).param("line", productLine).param("region", region)
                .param("capacity", capacity).update();
    }
}
