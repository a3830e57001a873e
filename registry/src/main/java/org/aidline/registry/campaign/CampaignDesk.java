package org.aidline.registry.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.registry.disbursement.PayoutProgress;
import org.aidline.registry.disbursement.PayoutSource;
import org.aidline.registry.disbursement.PayoutWakeups;
import org.aidline.registry.jurisdiction.InvalidRegistryRequestException;
import org.aidline.registry.jurisdiction.Jurisdiction;
import org.aidline.registry.jurisdiction.RegistryConflictException;
import org.aidline.registry.jurisdiction.RegistryNotFoundException;
import reactor.core.publisher.Mono;

/**
 * Campaigns as supervisors use them: one is created for the creator's region, run (any number of
 * times: each person is paid once), and read with its totals per county.
 */
public class CampaignDesk {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Campaigns campaigns;
    private final PayoutProgress progress;
    private final PayoutWakeups wakeups;
    private final Clock clock;

    public CampaignDesk(Campaigns campaigns, PayoutProgress progress, PayoutWakeups wakeups, Clock clock) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    public Mono<CampaignView> create(Actor actor, NewCampaign request) {
        return Mono.defer(() -> {
            String prefix = Jurisdiction.managedPrefix(actor);
            if (request.amountPerPersonFen() <= 0) {
                throw new InvalidRegistryRequestException("amountPerPerson", "must be positive");
            }
            if (request.name().isBlank()) {
                throw new InvalidRegistryRequestException("name", "must not be blank");
            }
            if (request.programmes().isEmpty()) {
                throw new InvalidRegistryRequestException("programmes", "must name at least one programme");
            }
            Campaign campaign = new Campaign(UUID.randomUUID(), request.name().strip(), request.amountPerPersonFen(),
                    request.programmes().stream().distinct().toList(), request.asOf(), prefix, Campaign.Status.CREATED,
                    actor.subject(), clock.instant(), null, null);
            return campaigns.create(campaign).flatMap(this::view);
        });
    }

    /** Starts (or restarts) the run; granting and paying go on in the background of every instance. */
    public Mono<CampaignView> run(Actor actor, UUID id) {
        return find(id).flatMap(campaign -> {
            Jurisdiction.requireManagesAll(actor, campaign.regionPrefix());
            if (!campaign.isDue(LocalDate.now(clock.withZone(CHINA)))) {
                return Mono.error(new RegistryConflictException("The campaign pays the people enrolled on " + campaign.asOf()
                        + ": it runs from that day"));
            }
            return campaigns.start(campaign, clock.instant());
        }).doOnSuccess(started -> wakeups.runStarted()).flatMap(this::view);
    }

    public Mono<CampaignView> read(Actor actor, UUID id) {
        return find(id).flatMap(campaign -> {
            Jurisdiction.requireReads(actor, campaign.regionPrefix());
            return view(campaign);
        });
    }

    private Mono<Campaign> find(UUID id) {
        return campaigns.find(id).switchIfEmpty(Mono.error(() -> new RegistryNotFoundException("No campaign " + id)));
    }

    private Mono<CampaignView> view(Campaign campaign) {
        return progress.of(campaign.id()).map(run -> new CampaignView(campaign, run));
    }

    /** The reference its ledger entries carry. */
    public static String ledgerReference(UUID id) {
        return PayoutSource.CAMPAIGN.reference(id);
    }
}
