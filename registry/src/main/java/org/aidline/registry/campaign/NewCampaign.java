package org.aidline.registry.campaign;

import java.time.LocalDate;
import java.util.List;
import org.aidline.registry.Programme;

/** What a supervisor asks for: its name, the amount per person in fen, the programmes and the enrolment date. */
public record NewCampaign(String name, long amountPerPersonFen, List<Programme> programmes, LocalDate asOf) {

    public NewCampaign {
        programmes = List.copyOf(programmes);
    }
}
