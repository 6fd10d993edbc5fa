package com.opensvc.aftersales.quality.newproduct;

import java.time.LocalDate;

/**
 * QLT-07: when a model was launched, and whether quality recorded it or it is the model's first shipment.
 *
 * @param watchEndsOn the first day the model is no longer watched (launch + the watch period)
 */
public record ModelLaunch(String productModel, LocalDate launchedOn, Source source, LocalDate watchEndsOn,
                          Integer version) {

    public enum Source { RECORDED, FIRST_SHIPMENT }

    /** Watched on {@code day} when the day is before the watch ends. */
    public boolean watchedOn(LocalDate day) {
        return day.isBefore(watchEndsOn);
    }
}
