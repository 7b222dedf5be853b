// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using TinTin.Firmware.Core;

namespace TinTin.Bench.Cost;

/// <summary>
/// Time on a board, estimated from the interpreter cost: the cost is in native instructions of nanoCLR on a 32-bit
/// core without FPU (../shared/docs/mcu-cost.md), taken at one instruction per clock cycle. Assumptions: the
/// interpreter's instruction mix runs at about one instruction per cycle on these in-order cores (flash wait states and
/// cache misses make it slower, dual issue would make it faster); the ESP32's FPU is not credited (its float operations
/// are priced as soft-float), so FP32 times on the ESP32 are upper bounds. The simulator's stage estimates make the same
/// assumption (<c>tintin simulate</c>).
/// </summary>
public static class DeviceTime
{
    /// <summary>The boards the benchmark states times for: an ESP32 at 240 MHz, and the FPU-less ESP32-C3 at 160 MHz.</summary>
    public static IReadOnlyList<BoardTarget> Boards { get; } = [BoardTarget.Find("ESP32_PSRAM_REV0"), BoardTarget.Find("ESP32_C3")];

    /// <summary>Milliseconds for a number of interpreter instructions on a board.</summary>
    /// <param name="instructions">Estimated interpreter instructions.</param>
    /// <param name="board">The board.</param>
    /// <returns>The time, ms.</returns>
    public static double Milliseconds(double instructions, BoardTarget board) => instructions / (board.ClockMhz * 1000.0);
}
