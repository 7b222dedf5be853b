// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using nanoFramework.TestFramework;
using TinTin.Firmware.Core.Learning;

namespace NFUnitTest
{
    [TestClass]
    public class LearningRulesTests
    {
        [TestMethod]
        public void PrequentialAccuracyCoversOnlyTheLastWindow()
        {
            PrequentialAccuracy accuracy = new PrequentialAccuracy(4);
            Assert.AreEqual(0, accuracy.PerMille, "empty");
            accuracy.Add(true);
            accuracy.Add(false);
            Assert.AreEqual(500, accuracy.PerMille, "one of two");
            accuracy.Add(true);
            accuracy.Add(true);
            Assert.AreEqual(750, accuracy.PerMille, "three of four");
            accuracy.Add(true);
            Assert.AreEqual(4, accuracy.Count, "window full");
            Assert.AreEqual(750, accuracy.PerMille, "the first hit fell out");
            accuracy.Add(true);
            Assert.AreEqual(1000, accuracy.PerMille, "the miss fell out");
            accuracy.Reset();
            Assert.AreEqual(0, accuracy.Count, "reset");
        }

        [TestMethod]
        public void NoveltyNeedsARunOfUnsurePredictions()
        {
            NoveltyRule rule = new NoveltyRule(600, 3);
            Assert.IsFalse(rule.Observe(400), "one unsure");
            Assert.IsFalse(rule.Observe(599), "two unsure");
            Assert.IsTrue(rule.Observe(100), "three unsure");
            Assert.IsTrue(rule.Observe(300), "still unsure");
            Assert.IsFalse(rule.Observe(600), "a sure prediction ends the run");
            Assert.AreEqual(0, rule.LowRun, "run reset");
        }

        [TestMethod]
        [DataRow(0, 3)]
        [DataRow(1001, 3)]
        [DataRow(500, 0)]
        public void NoveltyRuleRejectsBadSettings(int threshold, int run)
        {
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new NoveltyRule(threshold, run), "bad setting");
        }
    }
}
