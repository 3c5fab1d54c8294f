package org.scoredos.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The samplers a campaign can name, registered by their config name. */
public final class SamplerKinds {
    private static final Map<String, SamplerKind> BY_KEY = new LinkedHashMap<>();

    static {
        register(HessianSampler.KIND);
        register(EinsteinSampler.KIND);
        register(KineticSampler.KIND);
    }

    private SamplerKinds() {}

    private static void register(SamplerKind kind) {
        if (BY_KEY.putIfAbsent(kind.key(), kind) != null) throw new IllegalStateException("sampler " + kind.key() + " registered twice");
    }

    /** The sampler named {@code key}, or null when none is. */
    public static SamplerKind named(String key) {
        return BY_KEY.get(key);
    }

    /** The registered names, in registration order (the first is the default). */
    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }
}
