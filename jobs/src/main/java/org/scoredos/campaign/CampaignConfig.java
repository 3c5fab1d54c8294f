package org.scoredos.campaign;

import static org.scoredos.campaign.ConfigError.require;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scoredos.potential.FireRelaxation;
import org.scoredos.compression.CompressionSettings;
import org.scoredos.sample.SamplerKind;
import org.scoredos.sample.SamplerKinds;
import org.scoredos.score.PolynomialBasis;

/**
 * A sampling campaign (conf/campaigns/README.md): what to sample, how densely, and where the
 * summaries go. Read with {@link CampaignConfigReader}; every check lives in the constructors
 * so that a bad value is reported with its file, line and key.
 *
 * @param name            campaign name (labels the phase summaries)
 * @param structure       the reference crystal: a structure file or a lattice builder
 * @param mass            atomic mass of every atom, amu; or null with {@code masses}, or null for a
 *                        structure file's own masses
 * @param masses          masses by element of the reference model (symbol → amu), instead of
 *                        {@code mass} (absent: campaigns without it keep their identity)
 * @param descriptor      SNAP descriptor parameters (.snapparam), relative to the config file
 * @param reference       the reference potential whose Hessian shapes the isosurfaces
 * @param relax           relax the structure's atoms under the reference potential before the
 *                        harmonic step (a defect cell); absent: the structure is used as given,
 *                        and campaigns without it keep their identity
 * @param sampler         a registered sampler: hessian or einstein (isosurfaces), or kinetic (constant-energy MD)
 * @param kinetic         the kinetic sampler's MD settings (sampler: kinetic only; defaults otherwise
 *                        absent, so other campaigns keep their identity)
 * @param tau             isosurface grid τ = H_e/U_0: a list, or {from, to, count}; derived from
 *                        {@code temperatures} when those are given instead
 * @param temperatures    the temperatures the campaign must cover (K), from which the τ grid is
 *                        chosen ({@link TauGridRule}); null when the config gives {@code tau}
 * @param strains         isotropic linear strains of the reference cell, one phase summary each
 * @param samples         samples per cell (cell = one strain and one τ)
 * @param samplesPerShard samples per shard, the unit of work and of resumable commits; fixed for
 *                        the life of a campaign so that top-ups only add shards
 * @param histogram       bins and clipping of the rotated-component histograms
 * @param score           score-matching basis and order
 * @param seed            campaign seed: samples are a function of (seed, the cell's τ, index), the same at every strain
 * @param output          output directory: a path or any Hadoop file-system URI
 */
public record CampaignConfig(
        String name,
        StructureSpec structure,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double mass,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> masses,
        String descriptor,
        ReferenceSpec reference,
        @JsonInclude(JsonInclude.Include.NON_NULL) RelaxSpec relax,
        Sampler sampler,
        @JsonInclude(JsonInclude.Include.NON_NULL) KineticSpec kinetic,
        TauGrid tau,
        @JsonInclude(JsonInclude.Include.NON_NULL) TemperatureSpan temperatures,
        List<Double> strains,
        Integer samples,
        Integer samplesPerShard,
        HistogramSpec histogram,
        ScoreSpec score,
        Long seed,
        String output) {

    public static final int DEFAULT_SAMPLES = 256;
    public static final int DEFAULT_SAMPLES_PER_SHARD = 16;

    public CampaignConfig {
        require(name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "name",
                "required; letters, digits, '.', '_' or '-'");
        require(structure != null, "structure", "required (file: PATH, or lattice: TYPE with a and repeat)");
        require(mass == null || masses == null, "masses", "give either mass (every atom, amu) or masses (element: amu), not both");
        require(mass == null || (mass > 0 && Double.isFinite(mass)), "mass", "a positive mass in amu, got " + mass);
        if (masses != null) {
            require(!masses.isEmpty(), "masses", "empty: give element: amu lines, e.g. {W: 183.84}");
            for (Map.Entry<String, Double> e : masses.entrySet()) {
                require(e.getValue() != null && e.getValue() > 0 && Double.isFinite(e.getValue()), "masses." + e.getKey(),
                        "a positive mass in amu, got " + e.getValue());
            }
            masses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(masses));
        }
        require(mass != null || masses != null || (structure != null && structure.file() != null), "mass",
                "required for a lattice: mass (amu, every atom) or masses (element: amu)");
        require(descriptor != null && !descriptor.isBlank(), "descriptor", "required, a .snapparam file (or a LAMMPS .snap model, its .snapparam)");
        require(reference != null, "reference", "required (coeff: FILE.snapcoeff, or model: FILE.snap)");
        sampler = sampler == null ? Sampler.DEFAULT : sampler;
        require(kinetic == null || sampler.kind().runsDynamics(), "kinetic", "MD settings belong to sampler: "
                + String.join(" or ", SamplerKinds.keys().stream().filter(k -> SamplerKinds.named(k).runsDynamics()).toList())
                + ", not " + sampler.key());
        if (sampler.kind().runsDynamics() && kinetic == null) kinetic = new KineticSpec(null, null, null);
        require(tau == null || temperatures == null, "temperatures", "give either tau or temperatures, not both");
        require(tau != null || temperatures != null, "tau",
                "required: a list of τ values, {from, to, count}, or temperatures: {from, to} (K) instead");
        if (temperatures != null) tau = temperatures.grid();
        strains = strains == null ? List.of(0.0) : List.copyOf(strains);
        require(!strains.isEmpty(), "strains", "empty list");
        for (double s : strains) require(s > -0.5 && s < 0.5, "strains", "strain " + s + " outside (−0.5, 0.5)");
        require(strains.stream().distinct().count() == strains.size(), "strains", "repeated value");
        samples = samples == null ? DEFAULT_SAMPLES : samples;
        require(samples >= 2, "samples", "at least 2 samples per cell, got " + samples);
        require(samples <= CampaignLimits.SAMPLES_PER_CELL, "samples",
                samples + " samples per cell: " + CampaignLimits.hint(CampaignLimits.SAMPLES_PER_CELL, "SCOREDOS_MAX_SAMPLES"));
        samplesPerShard = samplesPerShard == null ? DEFAULT_SAMPLES_PER_SHARD : samplesPerShard;
        require(samplesPerShard >= 1, "samplesPerShard", "must be positive, got " + samplesPerShard);
        if (kinetic != null) kinetic.checkShardLength(samplesPerShard);
        histogram = histogram == null ? new HistogramSpec(null, null) : histogram;
        score = score == null ? new ScoreSpec(null, null) : score;
        require(seed != null, "seed", "required (an integer)");
        require(output != null && !output.isBlank(), "output", "required, a directory path or URI");
    }

    /** How the cells are compressed: the histogram and score settings. */
    public CompressionSettings compression() {
        return new CompressionSettings(histogram.bins(), histogram.clipPercentile(),
                PolynomialBasis.Kind.named(score.basis().key()), score.order());
    }

    /** The same campaign with another sample count per cell (a top-up) or output. */
    public CampaignConfig with(int newSamples, String newOutput) {
        // a grid chosen from the temperatures is chosen again from them
        return new CampaignConfig(name, structure, mass, masses, descriptor, reference, relax, sampler, kinetic,
                temperatures == null ? tau : null, temperatures, strains, newSamples, samplesPerShard, histogram, score, seed, newOutput);
    }

    /**
     * The mass of each atom type (amu, index t − 1 for type t): {@code mass} for every type, or
     * {@code masses} by the element the model maps type t to, or else the structure's own.
     *
     * @param elements       the reference model's element of each type, in type order
     * @param fromStructure  the structure's masses by type (NaN where it gives none)
     */
    public double[] massByType(List<String> elements, double[] fromStructure) {
        double[] m = fromStructure.clone();
        for (int t = 1; t <= m.length; t++) {
            if (mass != null) {
                m[t - 1] = mass;
            } else if (masses != null) {
                require(t <= elements.size(), "masses", "the structure's type " + t + " has no element in the model " + elements);
                Double given = masses.get(elements.get(t - 1));
                require(given != null, "masses", "no mass for element " + elements.get(t - 1) + " (the structure's type " + t + ")");
                m[t - 1] = given;
            } else {
                require(!Double.isNaN(m[t - 1]), "mass", "the structure gives no mass for type " + t + ": give mass or masses");
            }
        }
        if (masses != null) {
            for (String element : masses.keySet()) {
                require(elements.contains(element), "masses." + element, "not an element of the reference model " + elements);
            }
        }
        return m;
    }

    /** A structure file, or a perfect lattice built from its type, parameter(s) and repeats. */
    public record StructureSpec(String file, String lattice, Double a, Double c, List<Integer> repeat) {
        static final List<String> LATTICES = List.of("bcc", "fcc", "diamond", "a15", "hcp");

        public StructureSpec {
            require((file == null) != (lattice == null), "file", "give exactly one of 'file' and 'lattice'");
            if (file != null) {
                require(a == null && c == null && repeat == null, "file",
                        "'a', 'c' and 'repeat' belong to a lattice, not a file");
            } else {
                lattice = lattice.toLowerCase(Locale.ROOT);
                require(LATTICES.contains(lattice), "lattice", "unknown lattice '" + lattice + "', expected one of " + LATTICES);
                require(a != null && a > 0, "a", "the lattice needs a positive lattice parameter a (Å)");
                require("hcp".equals(lattice) == (c != null), "c", "c is given for hcp and only for hcp");
                require(c == null || c > 0, "c", "must be positive");
                require(repeat != null && repeat.size() == 3, "repeat", "three positive repeats [nx, ny, nz]");
                long cells = 1;
                for (int n : repeat) {
                    require(n >= 1, "repeat", "repeats must be positive");
                    cells *= n;
                }
                long atoms = cells * basisAtoms(lattice);
                require(atoms <= CampaignLimits.ATOMS, "repeat", atoms + " atoms: "
                        + CampaignLimits.hint(CampaignLimits.ATOMS, "SCOREDOS_MAX_ATOMS"));
                repeat = List.copyOf(repeat);
            }
        }

        /** Atoms per conventional cell of each lattice builder (hcp: the primitive hexagonal cell). */
        private static int basisAtoms(String lattice) {
            return switch (lattice) {
                case "bcc", "hcp" -> 2;
                case "fcc" -> 4;
                case "diamond", "a15" -> 8;
                default -> throw new IllegalArgumentException(lattice);
            };
        }
    }

    /**
     * The potential whose Hessian defines the isosurfaces: a LAMMPS model file ({@code model}, ZBL
     * included), or a {@code coeff} file whose parameters default to the descriptor's. A config
     * without {@code model} keeps its identity (the key is left out when null). {@code quadratic}
     * says how a quadratic SNAP model's products block enters the samples: {@value #PRODUCTS_AS_FEATURES}
     * (the default: d(d+1)/2 more descriptor components, θ the whole β) or {@value #PRODUCTS_FIXED}
     * (one fixed term E_quad/N with coefficient 1, θ the linear β; the descriptor then records no
     * products). Left out when not given, so older configs keep their identity.
     */
    public record ReferenceSpec(String coeff, String params, @JsonInclude(JsonInclude.Include.NON_NULL) String model,
            @JsonInclude(JsonInclude.Include.NON_NULL) String quadratic) {
        public static final String PRODUCTS_AS_FEATURES = "features";
        public static final String PRODUCTS_FIXED = "fixed";

        public ReferenceSpec(String coeff, String params, String model) {
            this(coeff, params, model, null);
        }

        public ReferenceSpec {
            require(quadratic == null || quadratic.equals(PRODUCTS_AS_FEATURES) || quadratic.equals(PRODUCTS_FIXED), "quadratic",
                    "expected " + PRODUCTS_AS_FEATURES + " or " + PRODUCTS_FIXED + ", got " + quadratic);
            require((coeff != null && !coeff.isBlank()) != (model != null && !model.isBlank()), "coeff",
                    "give one of coeff: FILE.snapcoeff or model: FILE.snap");
            require(params == null || coeff != null, "params", "goes with coeff (a model file names its own)");
        }

        /** Whether the products block of a quadratic model is one fixed term. */
        public boolean productsFixed() {
            return PRODUCTS_FIXED.equals(quadratic);
        }
    }

    /**
     * Positions-only FIRE relaxation of the structure (each strain's cell) under the reference
     * potential, before its Hessian: a campaign around a defect must start from a minimum.
     *
     * @param forceTolerance converged when every atom's force is below this, eV/Å
     * @param maxSteps       FIRE steps allowed; a relaxation that does not converge stops the run
     */
    public record RelaxSpec(Double forceTolerance, Integer maxSteps) implements Serializable {
        private static final long serialVersionUID = 1L;

        public RelaxSpec {
            forceTolerance = forceTolerance == null ? FireRelaxation.Settings.DEFAULT_FORCE_TOLERANCE : forceTolerance;
            maxSteps = maxSteps == null ? FireRelaxation.Settings.DEFAULT_MAX_STEPS : maxSteps;
            require(forceTolerance > 0 && Double.isFinite(forceTolerance), "forceTolerance", "a positive force in eV/Å, got " + forceTolerance);
            require(maxSteps >= 1, "maxSteps", "at least 1 step, got " + maxSteps);
        }

        public FireRelaxation.Settings settings() {
            return new FireRelaxation.Settings(forceTolerance, maxSteps);
        }
    }

    /**
     * The kinetic sampler's NVE trajectories (one per shard): the time step, the steps between
     * snapshots and the steps run before the first stride. The defaults suit W and other heavy
     * metals (phonon periods ≥ 0.1 ps): 2 fs steps, snapshots 40 fs apart after 0.2 ps.
     *
     * @param timestep      ps
     * @param stride        steps between snapshots
     * @param equilibration steps before the first snapshot's stride
     */
    public record KineticSpec(Double timestep, Integer stride, Integer equilibration) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The settings as the samplers take them. */
        public SamplerKind.Dynamics dynamics() {
            return new SamplerKind.Dynamics(timestep, stride, equilibration);
        }

        public KineticSpec {
            timestep = timestep == null ? 0.002 : timestep;
            stride = stride == null ? 20 : stride;
            equilibration = equilibration == null ? 100 : equilibration;
            require(timestep > 0 && timestep <= 0.1, "timestep", "a time step in ps, in (0, 0.1], got " + timestep);
            require(stride >= 1, "stride", "at least 1 step between snapshots, got " + stride);
            require(equilibration >= 0, "equilibration", "must not be negative, got " + equilibration);
        }

        /** One shard's trajectory must end: its steps are bounded like every other size. */
        void checkShardLength(int samplesPerShard) {
            long steps = equilibration + (long) samplesPerShard * stride;
            require(steps <= CampaignLimits.MD_STEPS_PER_SHARD, "kinetic.stride", steps + " MD steps per shard (equilibration + samplesPerShard × stride): "
                    + CampaignLimits.hint(CampaignLimits.MD_STEPS_PER_SHARD, "SCOREDOS_MAX_MD_STEPS"));
        }
    }

    /** The τ grid, from a list or {from, to, count} (both ends included). */
    public record TauGrid(List<Double> values) {
        public TauGrid {
            require(values != null && !values.isEmpty(), "", "empty grid");
            require(values.size() <= CampaignLimits.TAU_CELLS, "", values.size() + " cells: "
                    + CampaignLimits.hint(CampaignLimits.TAU_CELLS, "SCOREDOS_MAX_TAU_CELLS"));
            for (int i = 0; i < values.size(); i++) {
                double t = values.get(i);
                require(t > 0 && Double.isFinite(t), "", "values must be positive, got " + t);
                if (i > 0 && t <= values.get(i - 1)) {
                    throw new ConfigError("", "values must increase, got " + values.get(i - 1) + " then " + t);
                }
            }
            values = List.copyOf(values);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static TauGrid of(JsonNode node) {
            if (node.isArray()) {
                List<Double> v = new ArrayList<>();
                for (JsonNode x : node) {
                    require(x.isNumber(), "", "expected numbers, got '" + x.asText() + "'");
                    v.add(x.doubleValue());
                }
                return new TauGrid(v);
            }
            require(node.isObject(), "", "expected a list or {from, to, count}");
            node.fieldNames().forEachRemaining(k -> require(List.of("from", "to", "count").contains(k),
                    k, "unknown key (known: from, to, count)"));
            JsonNode from = node.get("from"), to = node.get("to"), count = node.get("count");
            require(from != null && from.isNumber(), "from", "required, a number");
            require(to != null && to.isNumber(), "to", "required, a number");
            require(count != null && count.isIntegralNumber(), "count", "required, an integer");
            require(count.canConvertToLong() && count.longValue() <= CampaignLimits.TAU_CELLS, "count",
                    count.asText() + " cells: " + CampaignLimits.hint(CampaignLimits.TAU_CELLS, "SCOREDOS_MAX_TAU_CELLS"));
            int n = count.intValue();
            require(n >= 1, "count", "empty grid");
            require(n == 1 ? to.doubleValue() == from.doubleValue() : to.doubleValue() > from.doubleValue(), "to",
                    n == 1 ? "a one-cell grid has tau.to equal to tau.from, got " + from.asText() + " and " + to.asText()
                           : "must exceed tau.from");
            List<Double> v = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                v.add(n == 1 ? from.doubleValue() : from.doubleValue() + (to.doubleValue() - from.doubleValue()) * i / (n - 1));
            }
            return new TauGrid(v);
        }

        @JsonValue
        List<Double> json() {
            return values;
        }
    }

    /**
     * The temperatures a campaign must cover, K (both ends included), and optionally the number
     * of τ cells; the grid itself is {@link TauGridRule}'s.
     */
    public record TemperatureSpan(Double from, Double to, Integer count) {
        public TemperatureSpan {
            require(from != null && Double.isFinite(from) && from > 0, "from", "required, a positive temperature in K");
            require(to != null && Double.isFinite(to), "to", "required, a temperature in K");
            require(to >= from, "to", "must not be below temperatures.from (" + from + " K), got " + to);
            require(count == null || count >= TauGridRule.MIN_CELLS, "count",
                    "at least " + TauGridRule.MIN_CELLS + " cells (the α fit is a degree-5 polynomial), got " + count);
            require(count == null || count <= CampaignLimits.TAU_CELLS, "count",
                    count + " cells: " + CampaignLimits.hint(CampaignLimits.TAU_CELLS, "SCOREDOS_MAX_TAU_CELLS"));
        }

        /** The τ grid that covers these temperatures. */
        public TauGrid grid() {
            return new TauGrid(count == null ? TauGridRule.lattice(from, to) : TauGridRule.geometric(from, to, count));
        }
    }

    /** Histogram bins per rotated component and the clipped tail, in percent per side. */
    public record HistogramSpec(Integer bins, Double clipPercentile) {
        public HistogramSpec {
            bins = bins == null ? CompressionSettings.DEFAULT_BINS : bins;
            clipPercentile = clipPercentile == null ? CompressionSettings.DEFAULT_CLIP_PERCENTILE : clipPercentile;
            ConfigError.refuse("bins", CompressionSettings.binsError(bins));
            ConfigError.refuse("clipPercentile", CompressionSettings.clipError(clipPercentile));
        }
    }

    /** Polynomial basis and order of the score-matching entropy models. */
    public record ScoreSpec(Basis basis, Integer order) {
        public ScoreSpec {
            basis = basis == null ? Basis.valueOf(CompressionSettings.DEFAULT_BASIS.toUpperCase(Locale.ROOT)) : basis;
            order = order == null ? CompressionSettings.DEFAULT_ORDER : order;
            ConfigError.refuse("order", CompressionSettings.orderError(PolynomialBasis.Kind.named(basis.key()), order));
        }
    }

    /** A sampler by its registered name ({@link SamplerKinds}). */
    public record Sampler(String key) {
        static final Sampler DEFAULT = new Sampler(SamplerKinds.keys().get(0));

        public Sampler {
            require(SamplerKinds.named(key) != null, "", "'" + key + "' is not one of " + String.join(", ", SamplerKinds.keys()));
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Sampler of(String key) {
            return new Sampler(key);
        }

        @JsonValue
        public String key() {
            return key;
        }

        public SamplerKind kind() {
            return SamplerKinds.named(key);
        }
    }

    public enum Basis {
        CHEBYSHEV, HERMITE, MONOMIAL;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
