// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// The acceleration an <see cref="Iis3dwbSimulator"/> measures: the value of one axis at one sample, in
    /// output counts of the configured full scale. Values beyond the 16-bit output are clipped by the
    /// simulator, as the chip saturates.
    /// </summary>
    /// <param name="axis">0 for X, 1 for Y, 2 for Z.</param>
    /// <param name="sampleIndex">The index of the sample since the simulator was created, from 0.</param>
    /// <returns>The axis value in counts.</returns>
    public delegate int Iis3dwbSignal(int axis, int sampleIndex);
}
