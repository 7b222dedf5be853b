// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;

namespace TinTin.Cli.Demo;

/// <summary>What the demo saw: the training windows and how many the board got right before learning from them, and
/// the detections on fresh windows per condition.</summary>
public sealed class DemoOutcome
{
    private readonly int[] _detected;
    private readonly int[] _correct;
    private readonly int[] _novel;
    private readonly List<int> _roundWindows = [];
    private readonly List<int> _roundCorrect = [];

    /// <summary>Starts an empty tally for a plan.</summary>
    /// <param name="plan">The plan.</param>
    public DemoOutcome(DemoPlan plan)
    {
        Plan = plan;
        _detected = new int[plan.Classes.Length];
        _correct = new int[plan.Classes.Length];
        _novel = new int[plan.Classes.Length];
    }

    /// <summary>Gets the plan.</summary>
    public DemoPlan Plan { get; }

    /// <summary>Gets the training windows scored (every turn's first window, which may straddle the label change, is not).</summary>
    public int TrainingWindows { get; private set; }

    /// <summary>Gets the training windows whose prediction, made before training on them, was right.</summary>
    public int TrainingCorrect { get; private set; }

    /// <summary>Gets the rounds of teaching that scored at least one window.</summary>
    public int Rounds => _roundWindows.Count;

    /// <summary>The fraction of a round's scored windows the board got right before training on them.</summary>
    /// <param name="round">The round.</param>
    /// <returns>The accuracy, 0 when the round scored nothing.</returns>
    public double RoundAccuracy(int round) => round >= _roundWindows.Count || _roundWindows[round] == 0 ? 0 : (double)_roundCorrect[round] / _roundWindows[round];

    /// <summary>Gets or sets the wall seconds teaching took.</summary>
    public double TeachingSeconds { get; set; }

    /// <summary>Gets or sets the board's counters at the end.</summary>
    public CountersSnapshot Counters { get; set; } = CountersSnapshot.None;

    /// <summary>Gets the detections scored.</summary>
    public int Detections
    {
        get
        {
            int n = 0;
            foreach (int d in _detected)
            {
                n += d;
            }

            return n;
        }
    }

    /// <summary>Gets the right detections.</summary>
    public int DetectionsCorrect
    {
        get
        {
            int n = 0;
            foreach (int c in _correct)
            {
                n += c;
            }

            return n;
        }
    }

    /// <summary>Gets the detection accuracy on fresh windows (0 when none was scored).</summary>
    public double DetectionAccuracy => Detections == 0 ? 0 : (double)DetectionsCorrect / Detections;

    /// <summary>Detections of one taught condition.</summary>
    /// <param name="index">The condition's index in the plan.</param>
    /// <returns>Scored, right, and flagged novel.</returns>
    public (int Scored, int Correct, int Novel) DetectionsOf(int index) => (_detected[index], _correct[index], _novel[index]);

    /// <summary>Counts a scored training window.</summary>
    /// <param name="round">The round of teaching it belongs to.</param>
    /// <param name="correctBeforeTraining">Whether the board's prediction, made before it trained on the window, was right.</param>
    public void RecordTraining(int round, bool correctBeforeTraining)
    {
        while (_roundWindows.Count <= round)
        {
            _roundWindows.Add(0);
            _roundCorrect.Add(0);
        }

        _roundWindows[round]++;
        _roundCorrect[round] += correctBeforeTraining ? 1 : 0;
        TrainingWindows++;
        TrainingCorrect += correctBeforeTraining ? 1 : 0;
    }

    /// <summary>Counts a detection on a fresh window.</summary>
    /// <param name="cwruClass">The condition on the bearing.</param>
    /// <param name="predicted">The board's answer.</param>
    /// <param name="novel">Whether the board flagged it novel.</param>
    public void RecordDetection(int cwruClass, int predicted, bool novel)
    {
        int i = System.Array.IndexOf(Plan.Classes, cwruClass);
        _detected[i]++;
        _correct[i] += predicted == cwruClass ? 1 : 0;
        _novel[i] += novel ? 1 : 0;
    }
}
