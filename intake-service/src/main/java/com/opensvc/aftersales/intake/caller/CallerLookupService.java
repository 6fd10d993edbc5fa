package com.opensvc.aftersales.intake.caller;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.customer.CustomerService;
import com.opensvc.aftersales.intake.customer.PhoneKey;
import com.opensvc.aftersales.intake.installedbase.InstalledProduct;
import com.opensvc.aftersales.intake.installedbase.InstalledProductService;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.web.InvalidFieldException;

import lombok.RequiredArgsConstructor;

@Service
@RequiredArgsConstructor
public class CallerLookupService {
    static final int MAX_PRODUCTS = 100;
    static final int MAX_TICKETS = 200;
    private static final Set<String> OPEN = TicketState.open().stream().map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final CustomerService customers;
    private final InstalledProductService products;
    private final CallerLookupRepository history;

    @Transactional(readOnly = true)
    public CallerHistory lookup(String phone) {
        if (PhoneKey.of(phone).length() < 6) {
            throw new InvalidFieldException("phone", "needs at least six digits");
        }
        List<CallerHistory.CustomerHistory> result = new ArrayList<>();
        for (Customer customer : customers.findByPhone(phone)) {
            List<InstalledProduct> installed = products.ofCustomer(customer.id(), MAX_PRODUCTS);
            List<UUID> productIds = installed.stream().map(InstalledProduct::id).toList();
            List<CallerHistory.TicketSummary> tickets = history.tickets(customer.id(), productIds, MAX_TICKETS);
            List<UUID> ticketIds = tickets.stream().map(CallerHistory.TicketSummary::id).toList();
            result.add(new CallerHistory.CustomerHistory(customer, installed,
                    tickets.stream().filter(t -> OPEN.contains(t.state())).toList(),
                    tickets.stream().filter(t -> !OPEN.contains(t.state())).toList(),
                    tickets.stream().filter(t -> "COMPLAINT".equals(t.kind())).toList(),
                    ticketIds.isEmpty() ? List.of() : history.services(ticketIds),
                    ticketIds.isEmpty() ? List.of() : history.revisits(ticketIds)));
        }
        return new CallerHistory(result);
    }
}
