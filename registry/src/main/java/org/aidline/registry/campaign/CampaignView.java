package org.aidline.registry.campaign;

import org.aidline.registry.disbursement.RunProgress;

/** A campaign with how far its run has come. */
public record CampaignView(Campaign campaign, RunProgress progress) {
}
