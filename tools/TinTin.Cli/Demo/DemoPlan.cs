// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Cli.Demo;

/// <summary>
/// What <c>tintin demo</c> teaches the board and how it tests it: the bearing conditions (as classes of the CWRU task
/// the firmware's model learns), how many labelled windows each turn of teaching gives a condition, how many rounds
/// of turns, and how many fresh windows per condition the detection phase scores.
/// </summary>
/// <param name="Classes">The CWRU classes taught (0 normal; 1-3 inner race, 4-6 ball, 7-9 outer race).</param>
/// <param name="Names">A name per taught class.</param>
/// <param name="WindowsPerTurn">Labelled windows per condition before the label moves on.</param>
/// <param name="Rounds">Turns through all conditions.</param>
/// <param name="DetectWindowsPerClass">Fresh, unlabelled-for-training windows scored per condition.</param>
public sealed record DemoPlan(int[] Classes, string[] Names, int WindowsPerTurn, int Rounds, int DetectWindowsPerClass)
{
    /// <summary>
    /// Healthy, inner race, outer race and ball faults (the 0.014 in defects), four windows a turn, thirty rounds
    /// (480 training windows, about 4.5 simulated minutes of an ESP32 with an ADXL345), 25 scored windows each.
    /// </summary>
    public static DemoPlan Default { get; } = new([0, 2, 8, 5], ["healthy", "inner race", "outer race", "ball"], 4, 30, 25);

    /// <summary>Gets the training windows the full plan asks for.</summary>
    public int TrainingWindows => Classes.Length * WindowsPerTurn * Rounds;

    /// <summary>Checks the plan.</summary>
    /// <param name="classCount">The model's classes.</param>
    /// <exception cref="ArgumentException">A class is out of range, or a count is not positive.</exception>
    public void Validate(int classCount)
    {
        if (Classes.Length == 0 || Classes.Length != Names.Length)
        {
            throw new ArgumentException("the demo needs one name per taught class");
        }

        foreach (int c in Classes)
        {
            if (c < 0 || c >= classCount)
            {
                throw new ArgumentException($"class {c} is not one of the model's {classCount} classes");
            }
        }

        if (WindowsPerTurn <= 0 || Rounds <= 0 || DetectWindowsPerClass <= 0)
        {
            throw new ArgumentException("windows per turn, rounds and detection windows must be positive");
        }
    }

    /// <summary>The name of a taught class, or "class N" for any other.</summary>
    /// <param name="cwruClass">The class.</param>
    /// <returns>Its name.</returns>
    public string NameOf(int cwruClass)
    {
        int i = Array.IndexOf(Classes, cwruClass);
        return i >= 0 ? Names[i] : "class " + cwruClass;
    }
}
