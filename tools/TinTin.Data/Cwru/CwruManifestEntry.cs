// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;

namespace TinTin.Data;

/// <summary>One row of the CWRU folder's <c>manifest.csv</c>: a recording and what is known about it.</summary>
/// <param name="File">The .mat file's name in the folder, e.g. <c>12k_Drive_End_IR007_0_105.mat</c>.</param>
/// <param name="CwruId">The CWRU Bearing Data Center's file number, e.g. 105.</param>
/// <param name="Condition">"Normal", "Inner race", "Ball" or "Outer race".</param>
/// <param name="OrPosition">The outer-race fault position (e.g. "centred @6:00"), or null (the manifest's "-").</param>
/// <param name="DiameterIn">The fault diameter in inches (0 for normal).</param>
/// <param name="LoadHp">The motor load in horsepower, 0 to 3.</param>
/// <param name="RpmNominal">The nominal shaft speed of that load.</param>
/// <param name="RpmInFile">The measured speed stored in the file's <c>X###RPM</c> variable.</param>
/// <param name="Samples">The drive-end channel's sample count at the recorded rate.</param>
/// <param name="FsHz">The recorded sample rate (12000, or 48000 for the normal baseline).</param>
/// <param name="DurationS">The recording's duration in seconds.</param>
/// <param name="Variables">The variables the file holds.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">The file's SHA-256, lower-case hex.</param>
public sealed record CwruManifestEntry(
    string File,
    int CwruId,
    string Condition,
    string? OrPosition,
    double DiameterIn,
    int LoadHp,
    int RpmNominal,
    int RpmInFile,
    int Samples,
    int FsHz,
    double DurationS,
    IReadOnlyList<string> Variables,
    long Bytes,
    string Sha256);
