// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Firmware.Core.Link;

namespace TinTin.Bench.Device;

/// <summary>
/// What the board itself reported about a device bench run: its counters after the last window (time and energy per
/// step, heap, its running accuracy, link health) and the checksum of the model it sent back.
/// </summary>
/// <param name="Counters">The board's counters frame sent after the last window.</param>
/// <param name="WeightsCrc32">The CRC-32 of the weights of the model file fetched from the board at the end.</param>
/// <param name="ModelFileBytes">That file's length.</param>
/// <param name="HostWindows">Windows streamed to the board (training and test, every epoch).</param>
public sealed record DeviceFigures(CountersMessage Counters, uint WeightsCrc32, int ModelFileBytes, long HostWindows)
{
    /// <summary>A counter's value, or null when the board did not send it (e.g. native memory on a simulated board).</summary>
    /// <param name="id">The counter.</param>
    /// <returns>The value, or null.</returns>
    public long? Get(CounterId id) => Counters.TryGetValue(id, out long value) ? value : null;
}
