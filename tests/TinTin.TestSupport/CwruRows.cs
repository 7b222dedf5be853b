// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.TestSupport;

/// <summary>The manifest rows of the ten 0 hp CWRU recordings, in label order, for tests that write a CWRU-shaped folder.</summary>
public static class CwruRows
{
    /// <summary>File name, CWRU id, condition, outer-race position and fault diameter (inches), as manifest.csv has them.</summary>
    public static readonly (string File, int Id, string Condition, string OrPosition, string Diameter)[] ZeroHp =
    [
        ("normal_0_97.mat", 97, "Normal", "-", "0"),
        ("12k_Drive_End_IR007_0_105.mat", 105, "Inner race", "-", "0.007"),
        ("12k_Drive_End_IR014_0_169.mat", 169, "Inner race", "-", "0.014"),
        ("12k_Drive_End_IR021_0_209.mat", 209, "Inner race", "-", "0.021"),
        ("12k_Drive_End_B007_0_118.mat", 118, "Ball", "-", "0.007"),
        ("12k_Drive_End_B014_0_185.mat", 185, "Ball", "-", "0.014"),
        ("12k_Drive_End_B021_0_222.mat", 222, "Ball", "-", "0.021"),
        ("12k_Drive_End_OR007@6_0_130.mat", 130, "Outer race", "centred @6:00", "0.007"),
        ("12k_Drive_End_OR014@6_0_197.mat", 197, "Outer race", "centred @6:00", "0.014"),
        ("12k_Drive_End_OR021@6_0_234.mat", 234, "Outer race", "centred @6:00", "0.021"),
    ];
}
