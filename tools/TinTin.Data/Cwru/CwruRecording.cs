// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Data;

/// <summary>One recording of the 10-class task: the drive-end accelerometer signal at 12 kHz, in g.</summary>
/// <param name="ClassName">The class, e.g. "IR007" (see <see cref="CwruClasses.Names"/>).</param>
/// <param name="Label">The class's index in <see cref="CwruClasses.Names"/>.</param>
/// <param name="FileName">The .mat file it was read from (name only).</param>
/// <param name="CwruId">The CWRU file number, e.g. 105.</param>
/// <param name="LoadHp">The motor load in horsepower.</param>
/// <param name="SampleRateHz">The rate of <paramref name="Signal"/>: always 12000.</param>
/// <param name="SourceSampleRateHz">The rate it was recorded at: 12000, or 48000 for the normal baseline (then decimated by 4).</param>
/// <param name="Signal">The drive-end acceleration in g (variable <c>X###_DE_time</c>), at <paramref name="SampleRateHz"/>.</param>
public sealed record CwruRecording(
    string ClassName,
    int Label,
    string FileName,
    int CwruId,
    int LoadHp,
    int SampleRateHz,
    int SourceSampleRateHz,
    double[] Signal);
