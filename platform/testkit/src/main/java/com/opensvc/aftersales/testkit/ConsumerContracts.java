package com.opensvc.aftersales.testkit;

import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.messaging.EventHandlers;

/**
 * The consumer side of a contract test (DESIGN.md §1): a listener's handler table reads every example of the schema
 * of every event it handles, with the same typed read and validation the running listener uses.
 */
public final class ConsumerContracts {
    private ConsumerContracts() {
    }

    /** @throws AssertionError naming each example the table cannot read, or a table that handles nothing */
    public static void assertReadsSchemaExamples(EventHandlers handlers) {
        EventContracts contracts = EventContracts.load();
        List<String> failures = new ArrayList<>();
        if (handlers.payloadTypes().isEmpty()) {
            throw new AssertionError("the handler table handles no event type");
        }
        handlers.payloadTypes().forEach((eventType, payloadType) -> {
            List<String> examples = contracts.examples(EventContracts.ceType(eventType, 1));
            if (examples.isEmpty()) {
                failures.add(eventType + ": the schema has no example");
            }
            for (String example : examples) {
                try {
                    Object read = handlers.read(eventType, example);
                    if (read == null || !payloadType.isInstance(read)) {
                        failures.add(eventType + ": read as " + read);
                    }
                } catch (RuntimeException e) {
                    failures.add(eventType + ": " + e.getMessage());
                }
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError("schema examples the consumer cannot read:\n  " + String.join("\n  ", failures));
        }
    }
}
