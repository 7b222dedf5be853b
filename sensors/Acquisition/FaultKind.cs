// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// The bearing conditions the synthetic source generates (the four CWRU classes).
    /// </summary>
    public enum FaultKind
    {
        /// <summary>No defect: shaft harmonics and noise only.</summary>
        Healthy = 0,

        /// <summary>A spall on the inner race: impulses at BPFI, amplitude modulated at the shaft rate.</summary>
        InnerRace = 1,

        /// <summary>A spall on the outer race (stationary, in the load zone): impulses at BPFO, constant amplitude.</summary>
        OuterRace = 2,

        /// <summary>A spall on one ball: impulses at twice BSF, amplitude modulated at the cage rate (FTF).</summary>
        Ball = 3,
    }
}
