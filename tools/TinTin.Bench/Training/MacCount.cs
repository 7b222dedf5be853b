// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Description;

namespace TinTin.Bench.Training;

/// <summary>
/// Multiply-accumulates of one training sample, from the description alone: each weighted layer's
/// forward product, its weight gradient (the same count) and, except for the first weighted layer
/// (nobody needs the input's error), the error sent to the layer below (the same count again). Both
/// the integer engine (its LayerStats) and the FP32 reference do exactly this work.
/// </summary>
public static class MacCount
{
    /// <summary>Counts one training sample's MACs.</summary>
    /// <param name="spec">The architecture.</param>
    /// <returns>The count.</returns>
    public static long PerTrainingSample(ModelSpec spec)
    {
        long total = 0;
        for (int l = 0; l < spec.Count; l++)
        {
            long forward = spec[l].ForwardMacs;
            total += l == 0 ? 2 * forward : 3 * forward;
        }

        return total;
    }

    /// <summary>Counts one inference's MACs.</summary>
    /// <param name="spec">The architecture.</param>
    /// <returns>The count.</returns>
    public static long PerInference(ModelSpec spec)
    {
        long total = 0;
        for (int l = 0; l < spec.Count; l++)
        {
            total += spec[l].ForwardMacs;
        }

        return total;
    }
}
