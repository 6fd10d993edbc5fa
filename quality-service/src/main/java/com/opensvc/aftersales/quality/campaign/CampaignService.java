package com.opensvc.aftersales.quality.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.quality.improvement.ImprovementReportService;
import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** QLT-08: launches defect campaigns, records their outreach (INT-17) and closes them. */
@Service
@RequiredArgsConstructor
public class CampaignService {
    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignRepository campaigns;
    private final ImprovementReportService improvementReports;
    private final InstalledBase installedBase;
    private final IdempotencyKeys idempotency;
    private final CampaignProperties properties;
    private final Clock clock;

    public record Launched(CampaignDetails campaign, boolean created) {
    }

    /**
     * A campaign numbered {@code QC-<yyyy>-<seq>} and its {@code DefectCampaignLaunched}; the same Idempotency-Key
     * returns the same campaign and publishes nothing more.
     */
    @Transactional
    public Launched launch(LaunchCampaignRequest request, String idempotencyKey, String actor) {
        LaunchCampaignRequest launch = request.normalised();
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim("campaign", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Launched(details(earlier.get()), false);
        }
        if (launch.improvementReportId() != null) {
            requireReport(launch.improvementReportId());
        }
        Instant now = clock.instant();
        int year = now.atZone(properties.zone()).getYear();
        String number = "QC-%d-%03d".formatted(year, campaigns.nextNumber(year));
        int contactWithin = launch.contactWithinHours() == null ? properties.defaultContactWithinHours()
                : launch.contactWithinHours();
        campaigns.save(Campaign.launch(id, number, launch, contactWithin, actor, now));
        log.info("Launched defect campaign {} ({}) for model {}; outreach due within {} h", number, id,
                launch.productModel(), contactWithin);
        return new Launched(details(id), true);
    }

    private void requireReport(UUID reportId) {
        try {
            improvementReports.details(reportId);
        } catch (NotFoundException e) {
            throw new InvalidFieldException("improvementReportId", "no improvement report " + reportId);
        }
    }

    /** INT-17: intake has opened the outreach tickets. A repeat, or a campaign quality does not know, changes nothing. */
    @Transactional
    public void outreachOpened(OutreachTicketsOpened opened) {
        Optional<Campaign> campaign = campaigns.findForUpdate(opened.campaignId());
        if (campaign.isEmpty()) {
            log.warn("OutreachTicketsOpened for unknown campaign {}; ignored", opened.campaignId());
            return;
        }
        if (!campaign.get().state().canBecome(CampaignState.OUTREACH_OPENED)) {
            log.info("Campaign {} already has its outreach ({}); ignored", opened.campaignId(), campaign.get().state());
            return;
        }
        campaigns.save(campaign.get().outreachOpened(opened.ticketCount(), opened.contactDueAt(), opened.occurredAt()));
        log.info("Campaign {} outreach opened: {} tickets, contact due {}", opened.campaignId(), opened.ticketCount(),
                opened.contactDueAt());
    }

    /** OUTREACH_OPENED → CLOSED (409 otherwise). */
    @Transactional
    public CampaignDetails close(UUID id, CloseCampaignRequest request, String actor) {
        Campaign campaign = campaigns.findForUpdate(id).orElseThrow(() -> notFound(id));
        campaigns.save(campaign.close(request.summary(), actor, clock.instant()));
        log.info("Campaign {} closed by {}", id, actor);
        return details(id);
    }

    public CampaignDetails details(UUID id) {
        Campaign campaign = campaigns.find(id).orElseThrow(() -> notFound(id));
        return withFigures(campaign, clock.instant());
    }

    public PageOf<CampaignDetails> search(CampaignState state, String productModel, Boolean overdue, Paging paging) {
        Instant now = clock.instant();
        PageOf<Campaign> page = campaigns.search(state, productModel, overdue, now, paging);
        return new PageOf<>(page.items().stream().map(c -> withFigures(c, now)).toList(),
                page.page(), page.size(), page.totalItems());
    }

    private CampaignDetails withFigures(Campaign c, Instant now) {
        return new CampaignDetails(c, c.overdueAt(now), installedBase.countAffected(c.productModel(), c.serialFrom(),
                c.serialTo(), c.factoryDateFrom(), c.factoryDateTo()));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no campaign " + id);
    }
}
