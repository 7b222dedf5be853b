// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using TinTin.Firmware.Core.Storage;
using TinTin.Persistence;

namespace TinTin.Firmware.Tests.Storage;

/// <summary>
/// Power cuts at every byte and at every file system call of every save of a four-save sequence
/// (slots a, b, a, b), under three models of what flash keeps of a file being rewritten. After each
/// cut the board "reboots": the newest complete checkpoint must load, the rejected slot must say why,
/// training resumed from it must equal the uninterrupted run bit for bit, and the next save must go on.
/// </summary>
public sealed class CheckpointPowerCutTests
{
    // Steps after which the run saves; with batch size 3 the saves fall mid mini-batch (2, 1, 0 and 2 pending).
    private static readonly int[] SaveSteps = { 5, 10, 15, 20 };
    private const int ResumeSteps = 4;
    private const int ChunkSize = 100;

    private static readonly Dictionary<int, CheckpointRun> Runs = new();

    public static TheoryData<int, CutMode> Cases()
    {
        var data = new TheoryData<int, CutMode>();
        foreach (int batch in new[] { 1, 3 })
        {
            foreach (CutMode mode in Enum.GetValues<CutMode>())
            {
                data.Add(batch, mode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ACutAfterEveryByteOfEverySaveLoadsTheNewestCompleteCheckpoint(int batch, CutMode mode)
    {
        CheckpointRun run = RunOf(batch);
        int cuts = 0;
        for (int save = 1; save <= SaveSteps.Length; save++)
        {
            int total = CheckpointSlotFormat.HeaderSize + run.StateAfter(SaveSteps[save - 1]).Length;
            for (int k = 0; k <= total; k++)
            {
                // Only with write-through flash can the last byte make the file complete before the commit.
                bool complete = mode == CutMode.PrefixKept && k == total;
                long bytes = k;
                CutAndReboot(run, mode, save, files => files.CutAfterBytes(bytes), complete, "save " + save + " byte " + k);
                cuts++;
            }
        }

        int expected = 0;
        foreach (int step in SaveSteps)
        {
            expected += CheckpointSlotFormat.HeaderSize + run.StateAfter(step).Length + 1;
        }

        Assert.Equal(expected, cuts);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ACutBeforeEveryCallOfEverySaveLoadsTheNewestCompleteCheckpoint(int batch, CutMode mode)
    {
        CheckpointRun run = RunOf(batch);
        for (int save = 1; save <= SaveSteps.Length; save++)
        {
            // The calls of an uninterrupted save: OpenWrite, Write (header), Write (chunks), Flush, Close.
            List<string> calls = CallsOfSave(run, mode, save);
            int flush = calls.IndexOf("Flush");
            Assert.True(flush > 2, string.Join(" ", calls));
            Assert.StartsWith("OpenWrite ", calls[0]);
            Assert.Equal("Write " + CheckpointSlotFormat.HeaderSize, calls[1]);
            Assert.Equal("Close", calls[^1]);
            for (int n = 0; n < calls.Count; n++)
            {
                // Complete once flushed, or with write-through flash once every write happened.
                bool complete = n > flush || (mode == CutMode.PrefixKept && n == flush);
                int steps = n;
                CutAndReboot(run, mode, save, files => files.CutBeforeStep(steps), complete, "save " + save + " before call " + n);
            }
        }
    }

    [Fact]
    public void EveryFlippedByteOfTheNewestSlotFallsBackToTheOlderWithTheReason()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);
        byte[] newest = files.Get(CheckpointStore.DefaultPathB)!;
        for (int i = 0; i < newest.Length; i++)
        {
            byte[] bad = (byte[])newest.Clone();
            bad[i] ^= 0x10;
            files.Put(CheckpointStore.DefaultPathB, bad);
            CheckpointSlotStatus expected = i < 4 ? CheckpointSlotStatus.BadMagic
                : i < 6 ? CheckpointSlotStatus.UnsupportedVersion
                : i < CheckpointSlotFormat.HeaderSize ? CheckpointSlotStatus.BadHeaderChecksum
                : CheckpointSlotStatus.BadChecksum;
            AssertFallsBackToSlotA(run, files, expected, "flipped byte " + i);
        }
    }

    [Fact]
    public void EveryTruncationAndATrailingByteOfTheNewestSlotFallBackToTheOlderWithTheReason()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);
        byte[] newest = files.Get(CheckpointStore.DefaultPathB)!;
        for (int length = 0; length < newest.Length; length++)
        {
            files.Put(CheckpointStore.DefaultPathB, newest.AsSpan(0, length).ToArray());
            AssertFallsBackToSlotA(run, files, CheckpointSlotStatus.Truncated, "length " + length);
        }

        byte[] longer = new byte[newest.Length + 1];
        newest.CopyTo(longer, 0);
        files.Put(CheckpointStore.DefaultPathB, longer);
        AssertFallsBackToSlotA(run, files, CheckpointSlotStatus.TrailingBytes, "one trailing byte");

        files.Put(CheckpointStore.DefaultPathB, null);
        AssertFallsBackToSlotA(run, files, CheckpointSlotStatus.Missing, "deleted");
    }

    [Fact]
    public void AReadErrorOnTheNewestSlotFallsBackAndIsReported()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);
        files.FailReadsOf = CheckpointStore.DefaultPathB;
        CheckpointRestoreReport report = AssertFallsBackToSlotA(run, files, CheckpointSlotStatus.ReadError, "read error");
        Assert.Contains("flash read error", report.SlotB.Detail);
        Assert.DoesNotContain(",", report.Format());
    }

    [Fact]
    public void BothSlotsBadLeavesTheModelUnchangedAndReportsBothReasons()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);
        byte[] a = files.Get(CheckpointStore.DefaultPathA)!;
        a[CheckpointSlotFormat.HeaderSize + 40] ^= 1;
        files.Put(CheckpointStore.DefaultPathA, a);
        files.Put(CheckpointStore.DefaultPathB, new byte[] { 1, 2, 3 });

        Model model = run.Build(42u);
        byte[] before = CheckpointRun.FileOf(model);
        CheckpointRestoreReport report = new CheckpointStore(files).Restore(model);

        Assert.False(report.Loaded);
        Assert.Equal(-1, report.LoadedSlot);
        Assert.Equal(CheckpointSlotStatus.BadChecksum, report.SlotA.Status);
        Assert.Equal(CheckpointSlotStatus.Truncated, report.SlotB.Status);
        Assert.Equal(before, CheckpointRun.FileOf(model));
        string line = report.Format();
        Assert.Contains("restore none", line);
        Assert.Contains("a=bad_checksum seq=1 (stored 0x", line);
        Assert.Contains("b=truncated (the file has 3 bytes but the header needs 24)", line);
    }

    [Fact]
    public void AnotherArchitectureIsRejectedWithTheModelFileMessageAndNeverOverwrittenFirst()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);

        // Same file size, other layer: the model file reader's own check rejects it.
        var options = new TinTin.Training.TrainingOptions();
        var other = new Model(new TinTin.Description.ModelSpec(TinTin.Description.Shape.Vector(16)).Dense(8).Flatten().Dense(4), options);
        byte[] before = CheckpointRun.FileOf(other);
        var store = new CheckpointStore(files);
        CheckpointRestoreReport report = store.Restore(other);

        Assert.False(report.Loaded);
        Assert.Equal(CheckpointSlotStatus.ModelRejected, report.SlotA.Status);
        Assert.Equal(CheckpointSlotStatus.ModelRejected, report.SlotB.Status);
        Assert.Contains("layer 1", report.SlotB.Detail);
        Assert.Equal(before, CheckpointRun.FileOf(other));

        // Another size: rejected before the reader sees it.
        var bigger = new Model(new TinTin.Description.ModelSpec(TinTin.Description.Shape.Vector(16)).Dense(9).ReLU().Dense(4), options);
        CheckpointRestoreReport second = new CheckpointStore(files).Restore(bigger);
        Assert.Equal(CheckpointSlotStatus.ModelRejected, second.SlotB.Status);
        Assert.Contains("bytes but this model's has", second.SlotB.Detail);

        // The newest intact slot (b) is kept until a new checkpoint exists.
        CheckpointSaveReport save = store.Save(other);
        Assert.True(save.Saved);
        Assert.Equal(0, save.Slot);
        Assert.Equal(3u, save.Sequence);
    }

    [Fact]
    public void SequenceNumbersWrapAroundAndEqualNumbersPreferSlotA()
    {
        CheckpointRun run = RunOf(1);
        var files = new PowerCutFiles(CutMode.PrefixKept);
        files.Put(CheckpointStore.DefaultPathA, Slot(0xFFFFFFFFu, run.StateAfter(5)));
        files.Put(CheckpointStore.DefaultPathB, Slot(0u, run.StateAfter(10)));

        var store = new CheckpointStore(files);
        Model model = run.Build(3u);
        CheckpointRestoreReport report = store.Restore(model);
        Assert.Equal(1, report.LoadedSlot);
        Assert.Equal(0u, report.Sequence);
        Assert.Equal(CheckpointSlotStatus.Older, report.SlotA.Status);
        Assert.Equal(run.StateAfter(10), CheckpointRun.FileOf(model));

        CheckpointSaveReport save = store.Save(model);
        Assert.Equal(0, save.Slot);
        Assert.Equal(1u, save.Sequence);

        files.Put(CheckpointStore.DefaultPathA, Slot(7u, run.StateAfter(5)));
        files.Put(CheckpointStore.DefaultPathB, Slot(7u, run.StateAfter(10)));
        CheckpointRestoreReport tie = new CheckpointStore(files).Restore(run.Build(4u));
        Assert.Equal(0, tie.LoadedSlot);
        Assert.Equal(CheckpointSlotStatus.Older, tie.SlotB.Status);

        Assert.True(CheckpointSlotFormat.IsNewer(0u, 0xFFFFFFFFu));
        Assert.True(CheckpointSlotFormat.IsNewer(5u, 0xFFFFFFF0u));
        Assert.False(CheckpointSlotFormat.IsNewer(0xFFFFFFFFu, 0u));
        Assert.False(CheckpointSlotFormat.IsNewer(9u, 9u));
    }

    [Fact]
    public void ASaveWithoutARestoreProtectsTheNewestIntactSlot()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);
        var store = new CheckpointStore(files);
        Assert.Equal(0, store.NextSlot);
        CheckpointSaveReport save = store.Save(run.At(15));
        Assert.True(save.Saved);
        Assert.Equal(0, save.Slot);
        Assert.Equal(3u, save.Sequence);
        Assert.Equal(1, store.NextSlot);
    }

    [Fact]
    public void ATornSlotWithAnIntactHeaderIsRewrittenWithANewerSequence()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);
        var store = new CheckpointStore(files);
        files.CutAfterBytes(CheckpointSlotFormat.HeaderSize + 10);
        Assert.False(store.Save(run.At(15)).Saved);

        PowerCutFiles after = files.Reboot();
        var booted = new CheckpointStore(after);
        Model model = run.Build(8u);
        CheckpointRestoreReport report = booted.Restore(model);
        Assert.Equal(1, report.LoadedSlot);
        Assert.Equal(CheckpointSlotStatus.Truncated, report.SlotA.Status);
        Assert.True(report.SlotA.HasHeader);
        Assert.Equal(3u, report.SlotA.Sequence);

        CheckpointSaveReport save = booted.Save(model);
        Assert.Equal(0, save.Slot);
        Assert.Equal(4u, save.Sequence);
        Assert.Equal(0, new CheckpointStore(after).Restore(run.Build(9u)).LoadedSlot);
    }

    [Fact]
    public void SaveIfDueSavesEveryIntervalSamples()
    {
        CheckpointRun run = RunOf(1);
        var files = new PowerCutFiles(CutMode.PreviousUntilCommit);
        var store = new CheckpointStore(files) { Interval = 4 };
        Model model = run.Build(11u);
        Assert.False(store.Restore(model).Loaded);
        var saved = new List<long>();
        for (int step = 0; step < 13; step++)
        {
            run.Train(model, step, 1);
            CheckpointSaveReport? report = store.SaveIfDue(model);
            if (report != null)
            {
                Assert.True(report.Saved);
                saved.Add(report.Samples);
            }
        }

        Assert.Equal(new long[] { 4, 8, 12 }, saved);
        Model booted = run.Build(1u);
        CheckpointRestoreReport restored = new CheckpointStore(files.Reboot()).Restore(booted);
        Assert.Equal(3u, restored.Sequence);
        Assert.Equal(run.StateAfter(12), CheckpointRun.FileOf(booted));
    }

    [Fact]
    public void ClearDeletesBothSlotsAndRestartsTheSequence()
    {
        CheckpointRun run = RunOf(1);
        PowerCutFiles files = SavedTwice(run);
        var store = new CheckpointStore(files);
        Assert.True(store.Clear());
        Assert.Null(files.Get(CheckpointStore.DefaultPathA));
        Assert.Null(files.Get(CheckpointStore.DefaultPathB));
        CheckpointSaveReport save = store.Save(run.At(5));
        Assert.Equal(0, save.Slot);
        Assert.Equal(1u, save.Sequence);
    }

    [Fact]
    public void WithoutStorageCheckpointsAreDisabledAndNothingThrows()
    {
        CheckpointRun run = RunOf(1);
        var store = new CheckpointStore(null) { Interval = 1 };
        Model model = run.Build(2u);
        byte[] before = CheckpointRun.FileOf(model);

        CheckpointRestoreReport restore = store.Restore(model);
        Assert.False(restore.Enabled);
        Assert.False(restore.Loaded);
        Assert.Equal(CheckpointSlotStatus.NotChecked, restore.SlotA.Status);
        Assert.Equal("tintin ckpt restore disabled (no storage)", restore.Format());

        run.Train(model, 0, 3);
        Assert.Null(store.SaveIfDue(model));
        CheckpointSaveReport save = store.Save(model);
        Assert.False(save.Enabled);
        Assert.False(save.Saved);
        Assert.Equal("tintin ckpt save disabled (no storage)", save.Format());
        Assert.False(store.Clear());
        Assert.Equal(0, store.BufferBytes);
        Assert.False(CheckpointRun.Same(before, CheckpointRun.FileOf(model)));
    }

    [Fact]
    public void TheStoreKeepsOneModelFileBuffer()
    {
        CheckpointRun run = RunOf(3);
        var store = new CheckpointStore(new PowerCutFiles(CutMode.PrefixKept));
        Model model = run.At(5);
        store.Restore(model);
        Assert.Equal(ModelFile.GetSize(model), store.BufferBytes);
        store.Save(model);
        store.Save(model);
        Assert.Equal(ModelFile.GetSize(model), store.BufferBytes);

        // The sizes quoted in firmware/Core/Storage/README.md.
        Assert.Equal(391, RunOf(1).StateAfter(0).Length);
        Assert.Equal(1079, model.Plan is null ? 0 : ModelFile.GetSize(model));
        var demo = new Model(new TinTin.Description.ModelSpec(TinTin.Description.Shape.Vector(64)).Dense(32).ReLU().Dense(6), new TinTin.Training.TrainingOptions());
        Assert.Equal(2575, ModelFile.GetSize(demo));
    }

    [Fact]
    public void TheSlotHeaderMatchesTheDocumentedLayout()
    {
        byte[] header = new byte[CheckpointSlotFormat.HeaderSize];
        CheckpointSlotFormat.WriteHeader(header, 0x01020304u, 0x191, 0xA1B2C3D4u);
        byte[] expected =
        {
            0x54, 0x54, 0x43, 0x4B, 0x01, 0x00, 0x00, 0x00, // "TTCK" version 1 reserved 0
            0x04, 0x03, 0x02, 0x01,                         // sequence
            0x91, 0x01, 0x00, 0x00,                         // body length 401
            0xD4, 0xC3, 0xB2, 0xA1,                         // body CRC-32
        };
        Assert.Equal(expected, header.AsSpan(0, 20).ToArray());
        Assert.Equal(BitwiseCrc32(expected), CheckpointSlotFormat.GetUInt32(header, 20));
    }

    // ---- the cut, the reboot and what must hold after it ------------------------------------------

    private static void CutAndReboot(CheckpointRun run, CutMode mode, int save, Action<PowerCutFiles> arm, bool expectComplete, string label)
    {
        var files = new PowerCutFiles(mode);
        var store = new CheckpointStore(files) { ChunkSize = ChunkSize };
        for (int j = 1; j < save; j++)
        {
            Assert.True(store.Save(run.At(SaveSteps[j - 1])).Saved, label);
        }

        int target = store.NextSlot;
        Assert.Equal((save - 1) % 2, target);
        byte[] intended = Slot((uint)save, run.StateAfter(SaveSteps[save - 1]));
        arm(files);
        CheckpointSaveReport report = store.Save(run.At(SaveSteps[save - 1]));
        Assert.True(files.IsDead, label + ": the cut happened");
        Assert.False(report.Saved, label + ": a cut save is not reported saved");
        Assert.Contains("power cut", report.Detail);

        PowerCutFiles after = files.Reboot();
        byte[]? written = after.Get(store.GetPath(target));
        bool complete = written != null && CheckpointRun.Same(written, intended);
        Assert.True(expectComplete == complete, label + ": complete = " + complete);

        int expected = complete ? save : save - 1;
        Model booted = run.Build(999u);
        byte[] untouched = CheckpointRun.FileOf(booted);
        var rebooted = new CheckpointStore(after) { ChunkSize = ChunkSize };
        CheckpointRestoreReport restore = rebooted.Restore(booted);
        CheckpointSlotReport cut = restore.GetSlot(target);
        Assert.DoesNotContain(",", restore.Format());
        if (!complete)
        {
            // The cut slot is torn (and says so), or still holds what it held before the save: the save
            // before the last one, or nothing. Copy-on-write flash always keeps the previous content.
            bool previous = save > 2
                ? cut.Status == CheckpointSlotStatus.Older && cut.Sequence == (uint)(save - 2)
                : cut.Status == CheckpointSlotStatus.Missing;
            bool torn = cut.Status == CheckpointSlotStatus.Truncated && cut.Detail.Length > 0;
            Assert.True(previous || torn, label + ": " + restore.Format());
            Assert.True(previous || mode != CutMode.PreviousUntilCommit, label + ": " + restore.Format());
        }

        if (expected == 0)
        {
            Assert.False(restore.Loaded, label + ": " + restore.Format());
            Assert.True(CheckpointRun.Same(untouched, CheckpointRun.FileOf(booted)), label + ": the model is unchanged");
        }
        else
        {
            Assert.True(restore.Loaded, label + ": " + restore.Format());
            Assert.Equal((uint)expected, restore.Sequence);
            Assert.Equal((expected - 1) % 2, restore.LoadedSlot);
            int step = SaveSteps[expected - 1];
            Assert.True(CheckpointRun.Same(run.StateAfter(step), CheckpointRun.FileOf(booted)), label + ": loaded state");
            run.Train(booted, step, ResumeSteps);
            Assert.True(CheckpointRun.Same(run.StateAfter(step + ResumeSteps), CheckpointRun.FileOf(booted)), label + ": resumed training is bit-exact");
        }

        // The two-slot update goes on from there: the next save never overwrites what was loaded.
        CheckpointSaveReport next = rebooted.Save(booted);
        Assert.True(next.Saved, label + ": " + next.Format());
        if (restore.Loaded)
        {
            Assert.NotEqual(restore.LoadedSlot, next.Slot);
        }

        Model again = run.Build(3u);
        CheckpointRestoreReport last = new CheckpointStore(after.Reboot()).Restore(again);
        Assert.Equal(next.Slot, last.LoadedSlot);
        Assert.Equal(next.Sequence, last.Sequence);
        Assert.True(CheckpointRun.Same(CheckpointRun.FileOf(booted), CheckpointRun.FileOf(again)), label + ": next save loads");
    }

    private static List<string> CallsOfSave(CheckpointRun run, CutMode mode, int save)
    {
        var files = new PowerCutFiles(mode);
        var store = new CheckpointStore(files) { ChunkSize = ChunkSize };
        for (int j = 1; j < save; j++)
        {
            store.Save(run.At(SaveSteps[j - 1]));
        }

        _ = store.NextSlot;
        int first = files.Log.Count;
        Assert.True(store.Save(run.At(SaveSteps[save - 1])).Saved);
        return files.Log.GetRange(first, files.Log.Count - first);
    }

    // Slot a = save 1 (after 5 steps), slot b = save 2 (after 10 steps).
    private static PowerCutFiles SavedTwice(CheckpointRun run)
    {
        var files = new PowerCutFiles(CutMode.PrefixKept);
        var store = new CheckpointStore(files);
        Assert.True(store.Save(run.At(5)).Saved);
        Assert.True(store.Save(run.At(10)).Saved);
        return files;
    }

    private static CheckpointRestoreReport AssertFallsBackToSlotA(CheckpointRun run, PowerCutFiles files, CheckpointSlotStatus expected, string label)
    {
        Model model = run.Build(31u);
        CheckpointRestoreReport report = new CheckpointStore(files).Restore(model);
        Assert.True(report.LoadedSlot == 0, label + ": " + report.Format());
        Assert.Equal(1u, report.Sequence);
        Assert.True(expected == report.SlotB.Status, label + ": " + report.Format());
        Assert.True(report.SlotB.IsRejected, label);
        Assert.True(expected == CheckpointSlotStatus.Missing || report.SlotB.Detail.Length > 0, label + ": a reason");
        Assert.DoesNotContain(",", report.Format());
        Assert.True(CheckpointRun.Same(run.StateAfter(5), CheckpointRun.FileOf(model)), label + ": loaded state");
        run.Train(model, 5, ResumeSteps);
        Assert.True(CheckpointRun.Same(run.StateAfter(5 + ResumeSteps), CheckpointRun.FileOf(model)), label + ": resumed");
        return report;
    }

    // CRC-32 (IEEE, reflected 0xEDB88320) bit by bit: independent of the table-driven implementation.
    private static uint BitwiseCrc32(byte[] data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
            }
        }

        return ~c;
    }

    private static byte[] Slot(uint sequence, byte[] body)
    {
        byte[] slot = new byte[CheckpointSlotFormat.HeaderSize + body.Length];
        CheckpointSlotFormat.WriteHeader(slot, sequence, body.Length, Crc32.Compute(body, 0, body.Length));
        body.CopyTo(slot, CheckpointSlotFormat.HeaderSize);
        return slot;
    }

    private static CheckpointRun RunOf(int batch)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(batch, out CheckpointRun? run))
            {
                run = new CheckpointRun(batch);
                Runs[batch] = run;
            }

            return run;
        }
    }
}
