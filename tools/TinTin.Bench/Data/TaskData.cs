// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;

namespace TinTin.Bench.Data;

/// <summary>A task's train and test splits, ready for every mode.</summary>
/// <param name="Train">The training split.</param>
/// <param name="Test">The test split.</param>
/// <param name="ClassNames">The class names, index = label.</param>
/// <param name="Source">Where the data came from, for the report.</param>
public sealed record TaskData(SampleSet Train, SampleSet Test, IReadOnlyList<string> ClassNames, string Source);
