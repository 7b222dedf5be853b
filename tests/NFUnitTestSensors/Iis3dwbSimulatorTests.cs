// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Iis3dwb;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests that <see cref="Iis3dwbSimulator"/> behaves as the IIS3DWB data sheet (DS13220) describes.
    /// </summary>
    [TestClass]
    public class Iis3dwbSimulatorTests
    {
        // X = index, Y = -index, Z = 1000 + index: every sample identifies itself.
        private static int Ramp(int axis, int sampleIndex)
        {
            if (axis == 0)
            {
                return sampleIndex;
            }

            return axis == 1 ? -sampleIndex : 1000 + sampleIndex;
        }

        private static int Huge(int axis, int sampleIndex)
        {
            return axis == 0 ? 40000 : -40000;
        }

        // Accelerometer on, batched at 26.667 kHz, in the given FIFO mode and watermark.
        private static Iis3dwbSimulator Measuring(byte fifoMode, int watermark, bool stopOnWatermark)
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl1, (byte)(watermark & 0xFF));
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl2, (byte)((watermark >> 8) | (stopOnWatermark ? 0x80 : 0)));
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl3, Iis3dwbBits.BdrXl26k7Hz);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl4, fifoMode);
            sim.TryWriteRegister(Iis3dwbRegister.Ctrl1Xl, Iis3dwbBits.Ctrl1XlEnable26k7Hz);
            return sim;
        }

        // Produces exactly count samples from a fresh time base (37.5 microseconds each).
        private static void Produce(Iis3dwbSimulator sim, int count)
        {
            sim.Advance(((count * 75) + 1) / 2);
        }

        private static int Read(Iis3dwbSimulator sim, byte register)
        {
            byte value;
            Assert.IsTrue(sim.TryReadRegister(register, out value), "register read failed");
            return value;
        }

        private static int Level(Iis3dwbSimulator sim)
        {
            byte[] status = new byte[2];
            Assert.IsTrue(sim.TryReadBurst(Iis3dwbRegister.FifoStatus1, status, 0, 2), "status read failed");
            return ((status[1] & 0x03) << 8) | status[0];
        }

        // Reads one 7-byte FIFO word and returns its X value.
        private static int PopX(Iis3dwbSimulator sim)
        {
            byte[] word = new byte[7];
            Assert.IsTrue(sim.TryReadBurst(Iis3dwbRegister.FifoDataOutTag, word, 0, 7), "burst failed");
            return Int16At(word, 1);
        }

        // The little-endian 16-bit two's complement value at index, as an int.
        private static int Int16At(byte[] data, int index)
        {
            return (short)(data[index] | (data[index + 1] << 8));
        }

        [TestMethod]
        public void PowerOnValuesMatchTheDataSheet()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);

            int id = Read(sim, Iis3dwbRegister.WhoAmI);
            int ctrl3 = Read(sim, Iis3dwbRegister.Ctrl3C);
            int ctrl1 = Read(sim, Iis3dwbRegister.Ctrl1Xl);
            int status1 = Read(sim, Iis3dwbRegister.FifoStatus1);
            int status2 = Read(sim, Iis3dwbRegister.FifoStatus2);

            Assert.AreEqual(0x7B, id);
            Assert.AreEqual(0x04, ctrl3, "IF_INC set at reset");
            Assert.AreEqual(0, ctrl1, "power-down");
            Assert.AreEqual(0, status1);
            Assert.AreEqual(0, status2);
        }

        [TestMethod]
        public void ReadOnlyAndReservedRegistersIgnoreWritesAndAreCounted()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);

            sim.TryWriteRegister(Iis3dwbRegister.WhoAmI, 0x12);
            sim.TryWriteRegister(0x11, 0x34);
            sim.TryWriteRegister(Iis3dwbRegister.FifoStatus1, 0x07);
            int id = Read(sim, Iis3dwbRegister.WhoAmI);
            int reserved = Read(sim, 0x11);
            int status = Read(sim, Iis3dwbRegister.FifoStatus1);

            Assert.AreEqual(0x7B, id);
            Assert.AreEqual(0, reserved);
            Assert.AreEqual(0, status);
            Assert.AreEqual(4, sim.IllegalAccessCount, "three bad writes and one reserved read");
        }

        [TestMethod]
        public void SoftwareResetRestoresTheControlRegisters()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 10, false);
            Produce(sim, 4);

            sim.TryWriteRegister(Iis3dwbRegister.Ctrl3C, Iis3dwbBits.Ctrl3CSoftwareReset);

            Assert.AreEqual(0x04, Read(sim, Iis3dwbRegister.Ctrl3C), "SW_RESET clears itself");
            Assert.AreEqual(0, Read(sim, Iis3dwbRegister.Ctrl1Xl), "Ctrl1Xl");
            Assert.AreEqual(0, Read(sim, Iis3dwbRegister.FifoCtrl4), "FifoCtrl4");
            Assert.AreEqual(0, Level(sim));
        }

        [TestMethod]
        public void BurstReadAutoIncrementsWhileIfIncIsSet()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl1, 0x11);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl2, 0x81);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl3, 0x0A);
            byte[] data = new byte[3];

            sim.TryReadBurst(Iis3dwbRegister.FifoCtrl1, data, 0, 3);

            Assert.AreEqual(0x11, (int)data[0]);
            Assert.AreEqual(0x81, (int)data[1]);
            Assert.AreEqual(0x0A, (int)data[2]);
        }

        [TestMethod]
        public void BurstReadRepeatsTheAddressWithoutIfInc()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl1, 0x11);
            sim.TryWriteRegister(Iis3dwbRegister.Ctrl3C, 0x00);
            byte[] data = new byte[3];

            sim.TryReadBurst(Iis3dwbRegister.FifoCtrl1, data, 0, 3);

            Assert.AreEqual(0x11, (int)data[0]);
            Assert.AreEqual(0x11, (int)data[1]);
            Assert.AreEqual(0x11, (int)data[2]);
        }

        [TestMethod]
        public void NoSamplesWhilePoweredDown()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl3, Iis3dwbBits.BdrXl26k7Hz);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl4, Iis3dwbBits.FifoModeContinuous);

            sim.Advance(100000);

            Assert.AreEqual(0, sim.SamplesProduced);
            Assert.AreEqual(0, sim.FifoCount);
        }

        [TestMethod]
        public void SamplesArriveEvery37AndAHalfMicroseconds()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 0, false);

            sim.Advance(37);
            int before = sim.SamplesProduced;
            sim.Advance(1);
            int first = sim.SamplesProduced;
            sim.Advance(37);
            int second = sim.SamplesProduced;
            sim.Advance(37425);

            Assert.AreEqual(0, before);
            Assert.AreEqual(1, first);
            Assert.AreEqual(2, second, "75 microseconds hold exactly two samples");
            Assert.AreEqual(1000, sim.SamplesProduced, "37.5 ms hold 1000 samples");
        }

        [TestMethod]
        public void FifoStaysEmptyWhenTheAccelerometerIsNotBatched()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 0, false);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl3, 0x00);

            Produce(sim, 20);

            Assert.AreEqual(20, sim.SamplesProduced);
            Assert.AreEqual(0, Level(sim));
        }

        [TestMethod]
        public void OutputRegistersHoldTheLatestSample()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeBypass, 0, false);
            Produce(sim, 6);
            byte[] data = new byte[6];

            int statusBefore = Read(sim, Iis3dwbRegister.StatusReg);
            sim.TryReadBurst(Iis3dwbRegister.OutXLA, data, 0, 6);
            int statusAfter = Read(sim, Iis3dwbRegister.StatusReg);

            Assert.AreEqual(5, Int16At(data, 0), "16-bit value at byte 0");
            Assert.AreEqual(-5, Int16At(data, 2), "16-bit value at byte 2");
            Assert.AreEqual(1005, Int16At(data, 4), "16-bit value at byte 4");
            Assert.AreEqual(1, statusBefore & 1, "XLDA");
            Assert.AreEqual(0, statusAfter & 1);
        }

        [TestMethod]
        public void OneBurstReadsConsecutiveFifoWords()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 0, false);
            Produce(sim, 4);
            byte[] data = new byte[14];

            // With IF_INC the address wraps from 0x7E back to 0x78: two whole words.
            sim.TryReadBurst(Iis3dwbRegister.FifoDataOutTag, data, 0, 14);

            Assert.AreEqual(0x10, (int)data[0], "TAG_SENSOR 0x02");
            Assert.AreEqual(0, Int16At(data, 1), "16-bit value at byte 1");
            Assert.AreEqual(1000, Int16At(data, 5), "16-bit value at byte 5");
            Assert.AreEqual(0x10, (int)data[7]);
            Assert.AreEqual(1, Int16At(data, 8), "16-bit value at byte 8");
            Assert.AreEqual(-1, Int16At(data, 10), "16-bit value at byte 10");
            Assert.AreEqual(1001, Int16At(data, 12), "16-bit value at byte 12");
            Assert.AreEqual(2, Level(sim));
        }

        [TestMethod]
        public void PartialWordReadLeavesTheWordInTheFifo()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 0, false);
            Produce(sim, 2);
            byte[] data = new byte[6];

            sim.TryReadBurst(Iis3dwbRegister.FifoDataOutTag, data, 0, 6);
            int level = Level(sim);
            int x = PopX(sim);

            Assert.AreEqual(2, level);
            Assert.AreEqual(0, x, "the same word again");
        }

        [TestMethod]
        public void ContinuousModeOverwritesTheOldestAndFlagsTheOverrun()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 0, false);
            Produce(sim, 520);

            int status1 = Read(sim, Iis3dwbRegister.FifoStatus1);
            int status2 = Read(sim, Iis3dwbRegister.FifoStatus2);
            int again = Read(sim, Iis3dwbRegister.FifoStatus2);
            int oldest = PopX(sim);
            int afterPop = Read(sim, Iis3dwbRegister.FifoStatus2);

            Assert.AreEqual(0, status1);
            Assert.AreEqual(0x02, status2 & 0x03, "DIFF_FIFO = 512");
            Assert.AreEqual(0x68, status2 & 0x78, "FIFO_OVR_IA and FIFO_FULL_IA and FIFO_OVR_LATCHED");
            Assert.AreEqual(0x60, again & 0x78, "the latched flag clears on read");
            Assert.AreEqual(8, oldest);
            Assert.AreEqual(0, afterPop & 0x40, "FIFO_OVR_IA clears when a word is read");
            Assert.AreEqual(8, sim.LostSampleCount);
        }

        [TestMethod]
        public void FifoModeStopsCollectingWhenFull()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeFifo, 0, false);
            Produce(sim, 520);

            int level = Level(sim);
            int status2 = Read(sim, Iis3dwbRegister.FifoStatus2);
            int oldest = PopX(sim);

            Assert.AreEqual(512, level);
            Assert.AreEqual(0, status2 & 0x48, "nothing was overwritten");
            Assert.AreEqual(0, oldest);
            Assert.AreEqual(8, sim.LostSampleCount);
        }

        [TestMethod]
        public void WatermarkFlagFollowsTheLevel()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 300, false);

            Produce(sim, 299);
            int below = Read(sim, Iis3dwbRegister.FifoStatus2);
            sim.Advance(38);
            int reached = Read(sim, Iis3dwbRegister.FifoStatus2);
            PopX(sim);
            int drained = Read(sim, Iis3dwbRegister.FifoStatus2);

            Assert.AreEqual(0, below & 0x80);
            Assert.AreEqual(0x80, reached & 0x80, "FIFO_WTM_IA at 300 words");
            Assert.AreEqual(0, drained & 0x80);
        }

        [TestMethod]
        public void StopOnWatermarkLimitsTheDepth()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeFifo, 20, true);

            Produce(sim, 30);

            Assert.AreEqual(20, Level(sim));
            Assert.AreEqual(10, sim.LostSampleCount);
        }

        [TestMethod]
        public void BypassModeEmptiesTheFifo()
        {
            Iis3dwbSimulator sim = Measuring(Iis3dwbBits.FifoModeContinuous, 0, false);
            Produce(sim, 600);

            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl4, Iis3dwbBits.FifoModeBypass);

            Assert.AreEqual(0, Level(sim));
            Assert.AreEqual(0, Read(sim, Iis3dwbRegister.FifoStatus2), "FifoStatus2");
        }

        [TestMethod]
        public void OutputSaturatesAtSixteenBits()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Huge);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl3, Iis3dwbBits.BdrXl26k7Hz);
            sim.TryWriteRegister(Iis3dwbRegister.FifoCtrl4, Iis3dwbBits.FifoModeContinuous);
            sim.TryWriteRegister(Iis3dwbRegister.Ctrl1Xl, Iis3dwbBits.Ctrl1XlEnable26k7Hz);
            Produce(sim, 2);
            byte[] word = new byte[7];

            sim.TryReadBurst(Iis3dwbRegister.FifoDataOutTag, word, 0, 7);

            Assert.AreEqual(32767, Int16At(word, 1), "16-bit value at byte 1");
            Assert.AreEqual(-32768, Int16At(word, 3), "16-bit value at byte 3");
        }

        [TestMethod]
        public void BusErrorFaultFailsTransfersAndCountsThem()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);
            sim.Fault = SimulatorFault.BusError;
            byte value;

            bool read = sim.TryReadRegister(Iis3dwbRegister.WhoAmI, out value);
            bool write = sim.TryWriteRegister(Iis3dwbRegister.Ctrl1Xl, 0xA0);

            Assert.IsFalse(read);
            Assert.IsFalse(write);
            Assert.AreEqual(2, sim.ErrorCount);
            Assert.AreEqual(0, (int)sim.PeekRegister(Iis3dwbRegister.Ctrl1Xl), "the write was lost");
        }

        [TestMethod]
        public void AbsentChipReadsTheStuckLevel()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);
            sim.Fault = SimulatorFault.AbsentReadsOnes;
            int ones = Read(sim, Iis3dwbRegister.WhoAmI);
            sim.Fault = SimulatorFault.AbsentReadsZero;
            int zero = Read(sim, Iis3dwbRegister.WhoAmI);

            Assert.AreEqual(0xFF, ones);
            Assert.AreEqual(0x00, zero);
            Assert.AreEqual(0, sim.ErrorCount);
        }

        [TestMethod]
        public void AddressesBeyondSevenBitsAreRejected()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), ReadWithReadBitSet);
        }

        private static void ReadWithReadBitSet()
        {
            Iis3dwbSimulator sim = new Iis3dwbSimulator(Ramp);
            byte value;
            sim.TryReadRegister(0x8F, out value);
        }
    }
}
