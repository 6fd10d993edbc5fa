package com.opensvc.aftersales.quality.defect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.quality.installedbase.InstalledUnit;
import com.opensvc.aftersales.quality.ticketfact.TicketFact;
import com.opensvc.aftersales.quality.ticketfact.TicketFacts;
import com.opensvc.aftersales.web.IfMatch;

/** The in-process events other features follow (DefectLogged, DefectClassified), without Spring. */
class DefectServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private final DefectRepository repository = mock(DefectRepository.class);
    private final InstalledBase installedBase = mock(InstalledBase.class);
    private final TicketFacts ticketFacts = mock(TicketFacts.class);
    private final ApplicationEventPublisher publisher = mock(ApplicationEventPublisher.class);
    private final DefectService service = new DefectService(repository, installedBase, ticketFacts,
            new DefectProperties(Duration.ofDays(7), ZoneId.of("Asia/Shanghai")), publisher,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    @DisplayName("QLT-01 a new record publishes DefectLogged with the batch and the failure time; a duplicate publishes nothing")
    void QLT01_defectLogged() {
        UUID ticketId = UUID.randomUUID();
        when(ticketFacts.find(ticketId)).thenReturn(Optional.of(new TicketFact(ticketId, "T-1", null, null, null, null,
                null, null, null, "WEST", "M", "SN-5", null, null)));
        when(installedBase.find("M", "SN-5")).thenReturn(Optional.of(new InstalledUnit(UUID.randomUUID(), 1,
                UUID.randomUUID(), "M", "AC", "SN-5", LocalDate.parse("2025-01-02"), null, "B-1", List.of())));
        when(repository.insertIfAbsent(any())).thenReturn(true, false);
        DefectivePartReceived part = new DefectivePartReceived(UUID.randomUUID(), UUID.randomUUID(), ticketId, "P-1",
                null, null, "M", null, null, null, NOW.minusSeconds(60));

        assertThat(service.recordFromReturnedPart(part)).isPresent();
        ArgumentCaptor<DefectLogged> logged = ArgumentCaptor.forClass(DefectLogged.class);
        verify(publisher).publishEvent(logged.capture());
        assertThat(logged.getValue().serialNumber()).isEqualTo("SN-5");
        assertThat(logged.getValue().productionBatch()).isEqualTo("B-1");
        assertThat(logged.getValue().region()).isEqualTo("WEST");
        assertThat(logged.getValue().partNumber()).isEqualTo("P-1");
        assertThat(logged.getValue().failedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(service.recordFromReturnedPart(part)).isEmpty();
        verify(publisher).publishEvent(any(Object.class));
    }

    @Test
    @DisplayName("QLT-01 classifying publishes DefectClassified; a stale If-Match changes and publishes nothing")
    void QLT01_defectClassified() {
        Defect defect = Defect.fromRepair(new RepairClosed(UUID.randomUUID(), UUID.randomUUID(), "M", "S", "noisy",
                "C-1", "FREE_REPAIR", null, NOW), Defect.Context.NONE, Duration.ofDays(7), "sys", NOW).defect();
        when(repository.findForUpdate(defect.id())).thenReturn(Optional.of(defect));
        ClassificationRequest request = new ClassificationRequest("noisy", "C-BEARING",
                ResponsibleDepartment.PURCHASING, null, "BRG-6", null, null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.classify(defect.id(), 5, request, "qe"))
                .isInstanceOf(IfMatch.StaleVersionException.class);
        verify(publisher, never()).publishEvent(any(Object.class));

        service.classify(defect.id(), 1, request, "qe");
        ArgumentCaptor<DefectClassified> classified = ArgumentCaptor.forClass(DefectClassified.class);
        verify(publisher).publishEvent(classified.capture());
        assertThat(classified.getValue().causingPartNumber()).isEqualTo("BRG-6");
        assertThat(classified.getValue().responsibleDepartment()).isEqualTo("PURCHASING");
        assertThat(classified.getValue().actor()).isEqualTo("qe");
        assertThat(classified.getValue().at()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("QLT-01 a classification with a factory date in the future → 400 naming factoryDate")
    void QLT01_futureFactoryDate() {
        ClassificationRequest request = new ClassificationRequest("noisy", "C", ResponsibleDepartment.PRODUCTION, null,
                null, null, LocalDate.parse("2026-03-11"), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.classify(UUID.randomUUID(), 1, request, "qe"))
                .isInstanceOf(com.opensvc.aftersales.web.InvalidFieldException.class)
                .hasMessageContaining("factoryDate");
    }
}
