// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// The acceleration an <see cref="Adxl345Simulator"/> measures: the value of one axis at one sample,
    /// in output counts (right-justified LSBs of the configured format). Values beyond the format's
    /// range are clipped by the simulator, as the chip saturates.
    /// </summary>
    /// <param name="axis">0 for X, 1 for Y, 2 for Z.</param>
    /// <param name="sampleIndex">The index of the sample since the simulator was created, from 0.</param>
    /// <returns>The axis value in counts.</returns>
    public delegate int Adxl345Signal(int axis, int sampleIndex);
}
