package aidline.bench.jmh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.CaseRules;
import org.aidline.intake.policy.WorkOrderRules;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.triage.HouseholdHistory;
import org.aidline.intake.triage.Triage;
import org.aidline.intake.triage.TriageCase;
import org.aidline.intake.triage.TriageRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Triage decisions per second on one core: {@link TriageRules#triage} over a fixed, seeded mix of
 * cases shaped like bench/run's intake load (every category, 45 % urgent, a fifth filed without an
 * ID number, some households already granted or with an open case) under three county policies
 * (the province default, one referring, one excluding categories), so that every rule decides
 * some of them and the branch predictor cannot learn one path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1) // one thread: the score is per core
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TriageBenchmark {

    /** A power of two, so the next case is a mask away; large enough not to repeat a pattern soon. */
    private static final int CASES = 4096;

    private final TriageRules rules = new TriageRules();
    private TriageCase[] reports;
    private HouseholdHistory[] households;
    private Policy[] policies;
    private int next;

    @Setup(Level.Trial)
    public void cases() {
        Random random = new Random(20_250_601L);
        List<Policy> counties = List.of(
                policy("640000", Set.of(), Set.of()),
                policy("640104", EnumSet.of(Category.UNEMPLOYED_GRADUATE, Category.DISABILITY), Set.of()),
                policy("640205", EnumSet.of(Category.UNEMPLOYED_UNINSURED), EnumSet.of(Category.OTHER)));
        Category[] categories = Category.values();
        Channel[] channels = {Channel.APP, Channel.APP, Channel.APP, Channel.HOTLINE, Channel.HOTLINE, Channel.VISIT};
        reports = new TriageCase[CASES];
        households = new HouseholdHistory[CASES];
        policies = new Policy[CASES];
        for (int i = 0; i < CASES; i++) {
            Channel channel = channels[random.nextInt(channels.length)];
            // A hotline caller often does not know the ID number; the app requires it.
            boolean identityKnown = channel == Channel.APP || random.nextInt(100) >= 45;
            Money amount = random.nextInt(100) < 40 ? null : Money.ofFen(50_000L * (1 + random.nextInt(8)));
            reports[i] = new TriageCase(categories[random.nextInt(categories.length)], random.nextInt(100) < 45,
                    channel, identityKnown, amount, 1 + random.nextInt(8));
            households[i] = identityKnown ? household(random) : HouseholdHistory.unknown();
            policies[i] = counties.get(random.nextInt(counties.size()));
        }
    }

    @Benchmark
    public Triage decide() {
        int i = next++ & (CASES - 1);
        return rules.triage(reports[i], households[i], policies[i]);
    }

    private static HouseholdHistory household(Random random) {
        int draw = random.nextInt(100);
        if (draw < 8) {
            return new HouseholdHistory(true, Optional.of(ReportId.next()), Optional.empty());
        }
        if (draw < 18) {
            return new HouseholdHistory(true, Optional.empty(), Optional.of(ReportId.next()));
        }
        return HouseholdHistory.none();
    }

    /** Shaped like the province default of migration V3, with the county's own referrals and exclusions. */
    private static Policy policy(String county, Set<Category> referred, Set<Category> excluded) {
        Map<Category, List<Money>> amounts = Map.of(
                Category.MEDICAL_EMERGENCY, fen(120_000, 150_000, 180_000, 210_000, 240_000),
                Category.ACCIDENT, fen(120_000, 150_000, 180_000, 210_000, 240_000),
                Category.DISASTER, fen(80_000, 120_000, 160_000, 200_000, 240_000),
                Category.CHILD_WITHOUT_CARE, fen(80_000, 100_000, 120_000, 140_000, 160_000),
                Category.OTHER, fen(80_000, 80_000, 80_000, 80_000, 80_000));
        Map<Category, List<String>> documents = Map.of(
                Category.MEDICAL_EMERGENCY, List.of("ID", "HOUSEHOLD_REGISTER", "HOSPITAL_DIAGNOSIS", "MEDICAL_BILLS"),
                Category.OTHER, List.of("ID", "HOUSEHOLD_REGISTER", "HARDSHIP_PROOF"));
        return new Policy(county, 1,
                EnumSet.of(Category.MEDICAL_EMERGENCY, Category.ACCIDENT, Category.DISASTER, Category.CHILD_WITHOUT_CARE),
                referred, excluded, Money.ofFen(80_000), Money.ofFen(240_000), amounts, documents,
                Duration.ofDays(10), Duration.ofDays(30), Duration.ofMinutes(15), Duration.ofHours(4), CaseRules.DEFAULT,
                WorkOrderRules.DEFAULT);
    }

    private static List<Money> fen(long... amounts) {
        return new ArrayList<>(Arrays.stream(amounts).mapToObj(Money::ofFen).toList());
    }
}
