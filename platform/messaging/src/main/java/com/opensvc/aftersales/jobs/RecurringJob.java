package com.opensvc.aftersales.jobs;

import org.springframework.scheduling.Trigger;

/**
 * A job every replica runs on a schedule (DESIGN.md §8): it is safe with N replicas because it claims its own rows
 * ({@code FOR UPDATE SKIP LOCKED} or a unique insert), never because only one replica runs it. Declare it as a bean;
 * {@link RecurringJobs} schedules every enabled one.
 *
 * @param enabled false leaves it unscheduled (its configuration says so; tests drive such jobs themselves)
 */
public record RecurringJob(String name, boolean enabled, Trigger trigger, Runnable work) {
}
