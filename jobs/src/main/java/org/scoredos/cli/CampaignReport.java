package org.scoredos.cli;

import java.util.Locale;
import org.scoredos.campaign.CampaignLauncher;
import org.scoredos.campaign.TemperatureCoverage;
import org.scoredos.cli.result.Column;
import org.scoredos.cli.result.Result;
import org.scoredos.cli.result.ResultTable;

/** What a campaign run or {@code campaign --status} reports: the counts per cell and the temperatures θ_ref's estimate covers. */
final class CampaignReport {
    private CampaignReport() {}

    static Result of(CampaignLauncher.Outcome o) {
        Result result = new Result("campaign");
        result.fields().put("campaign", o.name()).put("output", o.output());
        result.heading(String.format(Locale.ROOT, "campaign %s at %s", o.name(), o.output()));
        if (o.result() != null) {
            result.fields().put("shardsComputed", null, "shards computed and committed by this run", o.result().shardsComputed())
                    .put("samplesComputed", null, "samples drawn by this run", o.result().samplesComputed());
            result.heading(String.format(Locale.ROOT, "computed %d shards (%d samples) in this run",
                    o.result().shardsComputed(), o.result().samplesComputed()));
        }
        ResultTable cells = new ResultTable("cells")
                .column(Column.of("cell", null, "cell id (kept for the life of the output)").shown("cell", "%d"))
                .column(Column.of("strain", null, "the cell's strain (dimensionless)").shown("strain", "%+.4f"))
                .column(Column.of("tau", null, "isosurface τ = H_e/U_0 (dimensionless; τ = 1 ≈ 1000 K of harmonic energy)").shown("tau", "%.4f"))
                .column(Column.of("shards", null, "shards committed").shown("shards", "%d"))
                .column(Column.of("committedSamples", null, "samples in the committed shards").shown("committed", "%d"))
                .column(Column.of("summarised", null, "samples in the cell's summary (rejected ones excluded)").shown("summarised", "%d"))
                .column(Column.of("rejected", null, "samples of the committed shards the sampler rejected (atoms too close)").shown("rejected", "%d"));
        for (CampaignLauncher.CellStatus c : o.cells()) {
            cells.row(c.cell(), c.strain(), c.tau(), c.shards(), c.committedSamples(), c.summarised(), c.rejected());
        }
        ResultTable coverage = new ResultTable("coverage")
                .column(Column.of("phase", null, "the phase summary").shown("phase", null))
                .column(Column.of("requested", null, "true: the config's temperatures were checked; false: the τ grid's harmonic temperatures were scanned")
                        .shown("requested", null))
                .column(Column.of("from", "K", "lowest temperature evaluated").shown("from", "%.0f"))
                .column(Column.of("to", "K", "highest temperature evaluated").shown("to", "%.0f"))
                .column(Column.of("solvedFrom", "K", "lowest temperature with α* solved (null: none)").shown("solved from", "%.0f"))
                .column(Column.of("solvedTo", "K", "highest temperature with α* solved (null: none)").shown("solved to", "%.0f"))
                .column(Column.of("unsolved", "K", "the evaluated temperatures where α* sits on the grid's edge (F only a bound)").notInText());
        for (TemperatureCoverage.PhaseCoverage c : o.coverage()) {
            coverage.row(c.phase(), c.requested(), c.from(), c.to(), c.solvedFrom(), c.solvedTo(),
                    c.unsolved().stream().mapToDouble(Double::doubleValue).toArray());
            result.summary(String.format(Locale.ROOT, "temperatures of the reference potential, phase %s: %s", c.phase(), c.describe()));
        }
        return result.table(cells).table(coverage);
    }
}
