// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// The acceleration an <see cref="Mpu6886Simulator"/> measures: the value of one axis at one sample, in
    /// output counts of the configured range. Values beyond 16 bits are clipped by the simulator, as the chip saturates.
    /// </summary>
    /// <param name="axis">0 for X, 1 for Y, 2 for Z.</param>
    /// <param name="sampleIndex">The index of the sample since the simulator was created, from 0.</param>
    /// <returns>The axis value in counts.</returns>
    public delegate int Mpu6886Signal(int axis, int sampleIndex);
}
