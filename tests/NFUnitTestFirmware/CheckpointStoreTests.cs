// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin;
using TinTin.Description;
using TinTin.Firmware.Core.Storage;
using TinTin.Persistence;
using TinTin.Random;
using TinTin.Scaling;
using TinTin.Training;

namespace NFUnitTest
{
    // Checkpoints in two alternating slots (firmware/Core/Storage): round trip; alternation; the newest
    // slot wins; a torn newest slot falls back with its reason; both slots bad loads nothing; sequence
    // wrap-around; no storage. The host tests (tests/TinTin.Firmware.Tests/Storage) cut every byte.
    [TestClass]
    public class CheckpointStoreTests
    {
        private const string PathA = "I:\\tintin-a.ckpt";
        private const string PathB = "I:\\tintin-b.ckpt";

        private static readonly Scale s_inputScale = Scale.PowerOfTwo(-7);

        [TestMethod]
        public void SaveThenRestoreGivesTheSameModel()
        {
            var files = new CheckpointMemoryFiles(false);
            Model model = Build(1u);
            Train(model, 0, 6);
            CheckpointSaveReport save = new CheckpointStore(files).Save(model);
            Assert.IsTrue(save.Saved, "saved: " + save.Format());
            Assert.AreEqual(0, save.Slot, "first save goes to slot a");
            Assert.AreEqual(1u, save.Sequence, "first sequence");
            Assert.AreEqual(CheckpointSlotFormat.HeaderSize + ModelFile.GetSize(model), save.Bytes, "slot bytes");

            Model booted = Build(2u);
            CheckpointRestoreReport report = new CheckpointStore(files.Reboot()).Restore(booted);
            Assert.IsTrue(report.Enabled, "enabled");
            Assert.AreEqual(0, report.LoadedSlot, "loaded slot");
            Assert.AreEqual(1u, report.Sequence, "loaded sequence");
            Assert.AreEqual(6L, report.Samples, "samples");
            Assert.AreEqual((int)CheckpointSlotStatus.Loaded, (int)report.SlotA.Status, "slot a status");
            Assert.AreEqual((int)CheckpointSlotStatus.Missing, (int)report.SlotB.Status, "slot b status");
            AssertSameModel(model, booted, "restored");
        }

        [TestMethod]
        public void SavesAlternateBetweenTheSlotsWithRisingSequences()
        {
            var files = new CheckpointMemoryFiles(false);
            var store = new CheckpointStore(files, PathA, PathB);
            Model model = Build(1u);
            for (int i = 0; i < 4; i++)
            {
                Train(model, i * 3, 3);
                CheckpointSaveReport save = store.Save(model);
                Assert.IsTrue(save.Saved, "saved " + i.ToString());
                Assert.AreEqual(i % 2, save.Slot, "slot of save " + i.ToString());
                Assert.AreEqual((uint)(i + 1), save.Sequence, "sequence of save " + i.ToString());
            }

            Assert.IsNotNull(files.Get(PathA), "slot a file");
            Assert.IsNotNull(files.Get(PathB), "slot b file");
        }

        [TestMethod]
        public void TheNewestSlotWins()
        {
            var files = new CheckpointMemoryFiles(false);
            var store = new CheckpointStore(files);
            Model model = Build(1u);
            Train(model, 0, 3);
            store.Save(model);
            Train(model, 3, 3);
            store.Save(model);
            Train(model, 6, 3);
            store.Save(model);

            Model booted = Build(3u);
            CheckpointRestoreReport report = new CheckpointStore(files.Reboot()).Restore(booted);
            Assert.AreEqual(0, report.LoadedSlot, "slot a holds save 3");
            Assert.AreEqual(3u, report.Sequence, "sequence 3");
            Assert.AreEqual((int)CheckpointSlotStatus.Older, (int)report.SlotB.Status, "slot b is older");
            Assert.AreEqual(2u, report.SlotB.Sequence, "slot b sequence");
            AssertSameModel(model, booted, "newest");
        }

        // A cut during save 3 (into slot a) after that many bytes; -1 = all but the last byte.
        [TestMethod]
        [DataRow(1)]
        [DataRow(10)]
        [DataRow(24)]
        [DataRow(100)]
        [DataRow(-1)]
        public void ATornNewestSlotFallsBackWithTheReason(int cutAfter)
        {
            var files = new CheckpointMemoryFiles(false);
            var store = new CheckpointStore(files);
            Model model = Build(1u);
            Train(model, 0, 3);
            store.Save(model);
            Train(model, 3, 3);
            store.Save(model);
            Model second = Build(9u);
            CopyModel(model, second);
            Train(model, 6, 3);

            int total = CheckpointSlotFormat.HeaderSize + ModelFile.GetSize(model);
            files.CutAfterBytes(cutAfter < 0 ? total - 1 : cutAfter);
            CheckpointSaveReport save = store.Save(model);
            Assert.IsFalse(save.Saved, "cut save not saved");
            Assert.IsTrue(files.IsDead, "power cut");
            Assert.Contains("power cut", save.Detail, "save failure reason");

            Model booted = Build(4u);
            CheckpointRestoreReport report = new CheckpointStore(files.Reboot()).Restore(booted);
            Assert.AreEqual(1, report.LoadedSlot, "fell back to slot b");
            Assert.AreEqual(2u, report.Sequence, "sequence 2");
            Assert.IsTrue(report.SlotA.IsRejected, "slot a rejected");
            Assert.AreEqual((int)CheckpointSlotStatus.Truncated, (int)report.SlotA.Status, "slot a truncated");
            Assert.IsTrue(report.SlotA.Detail.Length > 0, "slot a reason");
            Assert.Contains("a=truncated", report.Format(), "reported");
            AssertSameModel(second, booted, "previous checkpoint");

            // Resumed training equals the uninterrupted run from that checkpoint.
            Train(second, 6, 4);
            Train(booted, 6, 4);
            AssertSameModel(second, booted, "resumed");
        }

        [TestMethod]
        public void CopyOnWriteFlashKeepsThePreviousSlotContentAfterACut()
        {
            var files = new CheckpointMemoryFiles(true);
            var store = new CheckpointStore(files);
            Model model = Build(1u);
            Train(model, 0, 3);
            store.Save(model);
            Train(model, 3, 3);
            store.Save(model);
            Model second = Build(9u);
            CopyModel(model, second);
            Train(model, 6, 3);
            files.CutAfterBytes(200);
            Assert.IsFalse(store.Save(model).Saved, "cut save not saved");

            Model booted = Build(4u);
            CheckpointRestoreReport report = new CheckpointStore(files.Reboot()).Restore(booted);
            Assert.AreEqual(1, report.LoadedSlot, "slot b loads");
            Assert.AreEqual((int)CheckpointSlotStatus.Older, (int)report.SlotA.Status, "slot a keeps save 1");
            Assert.AreEqual(1u, report.SlotA.Sequence, "slot a sequence");
            AssertSameModel(second, booted, "previous checkpoint");
        }

        [TestMethod]
        public void BothSlotsBadLoadNothingAndReportBothReasons()
        {
            var files = new CheckpointMemoryFiles(false);
            Model model = Build(1u);
            Train(model, 0, 3);
            new CheckpointStore(files).Save(model);
            byte[] a = files.Get(PathA);
            a[CheckpointSlotFormat.HeaderSize + 30] ^= 0x40;
            files.Put(PathA, a);
            files.Put(PathB, new byte[] { 0x54, 0x54, 0x4E, 0x4D, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });

            Model booted = Build(5u);
            byte[] before = FileOf(booted);
            CheckpointRestoreReport report = new CheckpointStore(files).Restore(booted);
            Assert.IsFalse(report.Loaded, "nothing loaded");
            Assert.AreEqual((int)CheckpointSlotStatus.BadChecksum, (int)report.SlotA.Status, "slot a checksum");
            Assert.AreEqual((int)CheckpointSlotStatus.BadMagic, (int)report.SlotB.Status, "slot b magic");
            Assert.Contains("restore none", report.Format(), "report line");
            AssertSameBytes(before, FileOf(booted), "model unchanged");
        }

        [TestMethod]
        public void SequenceNumbersWrapAround()
        {
            var files = new CheckpointMemoryFiles(false);
            Model old = Build(1u);
            Train(old, 0, 2);
            Model newer = Build(1u);
            Train(newer, 0, 5);
            files.Put(PathA, SlotOf(0xFFFFFFFFu, old));
            files.Put(PathB, SlotOf(0u, newer));

            var store = new CheckpointStore(files);
            Model booted = Build(6u);
            CheckpointRestoreReport report = store.Restore(booted);
            Assert.AreEqual(1, report.LoadedSlot, "0 is newer than 0xFFFFFFFF");
            Assert.AreEqual(0u, report.Sequence, "sequence 0");
            AssertSameModel(newer, booted, "wrapped");

            CheckpointSaveReport save = store.Save(booted);
            Assert.AreEqual(0, save.Slot, "next save overwrites slot a");
            Assert.AreEqual(1u, save.Sequence, "sequence 1");
            Assert.IsTrue(CheckpointSlotFormat.IsNewer(0u, 0xFFFFFFFFu), "wrap newer");
            Assert.IsFalse(CheckpointSlotFormat.IsNewer(3u, 3u), "equal is not newer");
        }

        [TestMethod]
        public void WithoutStorageNothingIsLoadedOrSaved()
        {
            var store = new CheckpointStore(null);
            Model model = Build(1u);
            byte[] before = FileOf(model);
            CheckpointRestoreReport report = store.Restore(model);
            Assert.IsFalse(report.Enabled, "disabled");
            Assert.IsFalse(report.Loaded, "not loaded");
            Assert.AreEqual("tintin ckpt restore disabled (no storage)", report.Format(), "restore line");
            AssertSameBytes(before, FileOf(model), "model unchanged");

            store.Interval = 1;
            Train(model, 0, 2);
            Assert.IsNull(store.SaveIfDue(model), "never due");
            CheckpointSaveReport save = store.Save(model);
            Assert.IsFalse(save.Saved, "not saved");
            Assert.AreEqual("tintin ckpt save disabled (no storage)", save.Format(), "save line");
            Assert.IsFalse(store.Clear(), "nothing to clear");
        }

        private static Model Build(uint seed)
        {
            var options = new TrainingOptions();
            options.Seed = seed;
            return new Model(new ModelSpec(Shape.Vector(16)).Dense(8).ReLU().Dense(4), options);
        }

        // Step s of a fixed input stream: the same inputs whatever model trains on it.
        private static void Train(Model model, int from, int steps)
        {
            sbyte[] x = new sbyte[16];
            for (int s = from; s < from + steps; s++)
            {
                var random = new Xorshift32((uint)(1000 + s));
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = (sbyte)(random.NextInt(255) - 127);
                }

                model.TrainStep(x, s_inputScale, random.NextInt(4));
            }
        }

        private static byte[] FileOf(Model model)
        {
            byte[] file = new byte[ModelFile.GetSize(model)];
            ModelFile.Write(model, file, 0);
            return file;
        }

        private static void CopyModel(Model from, Model to)
        {
            byte[] file = FileOf(from);
            ModelFile.ReadInto(to, file, 0, file.Length);
        }

        private static byte[] SlotOf(uint sequence, Model model)
        {
            byte[] body = FileOf(model);
            byte[] slot = new byte[CheckpointSlotFormat.HeaderSize + body.Length];
            CheckpointSlotFormat.WriteHeader(slot, sequence, body.Length, Crc32.Compute(body, 0, body.Length));
            System.Array.Copy(body, 0, slot, CheckpointSlotFormat.HeaderSize, body.Length);
            return slot;
        }

        private static void AssertSameModel(Model expected, Model actual, string what)
        {
            AssertSameBytes(FileOf(expected), FileOf(actual), what);
        }

        private static void AssertSameBytes(byte[] expected, byte[] actual, string what)
        {
            Assert.AreEqual(expected.Length, actual.Length, what + " length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], what + " byte " + i.ToString());
            }
        }
    }
}
