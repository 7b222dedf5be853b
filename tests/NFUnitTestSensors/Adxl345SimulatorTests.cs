// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests that <see cref="Adxl345Simulator"/> behaves as the ADXL345 data sheet describes.
    /// </summary>
    [TestClass]
    public class Adxl345SimulatorTests
    {
        // 800 Hz: 1250 microseconds per sample exactly.
        private const int Period800 = 1250;

        // X = index, Y = -index, Z = 1000 + index: every sample identifies itself.
        private static int Ramp(int axis, int sampleIndex)
        {
            if (axis == 0)
            {
                return sampleIndex;
            }

            return axis == 1 ? -sampleIndex : 1000 + sampleIndex;
        }

        private static int Constant600(int axis, int sampleIndex)
        {
            return 600;
        }

        private static int Constant5(int axis, int sampleIndex)
        {
            return 5;
        }

        private static Adxl345Simulator Measuring(Adxl345Signal signal, byte rateCode, byte fifoCtl, byte dataFormat)
        {
            Adxl345Simulator sim = new Adxl345Simulator(signal);
            sim.TryWriteRegister(Adxl345Register.BwRate, rateCode);
            sim.TryWriteRegister(Adxl345Register.DataFormat, dataFormat);
            sim.TryWriteRegister(Adxl345Register.FifoCtl, fifoCtl);
            sim.TryWriteRegister(Adxl345Register.PowerCtl, Adxl345Bits.PowerCtlMeasure);
            return sim;
        }

        private static int Read(Adxl345Simulator sim, byte register)
        {
            byte value;
            Assert.IsTrue(sim.TryReadRegister(register, out value), "register read failed");
            return value;
        }

        // Pops one entry with a 6-byte burst and returns its X value (right-justified).
        private static int PopX(Adxl345Simulator sim)
        {
            byte[] data = new byte[6];
            Assert.IsTrue(sim.TryReadBurst(Adxl345Register.DataX0, data, 0, 6), "burst failed");
            return (short)(data[0] | (data[1] << 8));
        }

        [TestMethod]
        public void PowerOnValuesMatchTheDataSheet()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);

            int id = Read(sim, Adxl345Register.DevId);
            int rate = Read(sim, Adxl345Register.BwRate);
            int source = Read(sim, Adxl345Register.IntSource);
            int status = Read(sim, Adxl345Register.FifoStatus);
            int power = Read(sim, Adxl345Register.PowerCtl);

            Assert.AreEqual(0xE5, id);
            Assert.AreEqual(0x0A, rate);
            Assert.AreEqual(0x02, source);
            Assert.AreEqual(0, status);
            Assert.AreEqual(0, power);
        }

        [TestMethod]
        public void ReadOnlyAndReservedRegistersIgnoreWritesAndAreCounted()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);

            sim.TryWriteRegister(Adxl345Register.DevId, 0x12);
            sim.TryWriteRegister(0x05, 0x34);
            sim.TryWriteRegister(Adxl345Register.FifoStatus, 0x07);
            int id = Read(sim, Adxl345Register.DevId);
            int reserved = Read(sim, 0x05);
            int status = Read(sim, Adxl345Register.FifoStatus);

            Assert.AreEqual(0xE5, id);
            Assert.AreEqual(0, reserved);
            Assert.AreEqual(0, status);
            Assert.AreEqual(4, sim.IllegalAccessCount, "three bad writes and one reserved read");
        }

        [TestMethod]
        public void DataFormatReservedBitReadsZero()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);

            sim.TryWriteRegister(Adxl345Register.DataFormat, 0xFF);
            int format = Read(sim, Adxl345Register.DataFormat);

            Assert.AreEqual(0xEF, format);
        }

        [TestMethod]
        public void BurstReadAutoIncrementsTheAddress()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);
            sim.TryWriteRegister(Adxl345Register.BwRate, 0x0D);
            sim.TryWriteRegister(Adxl345Register.IntEnable, 0x83);
            sim.TryWriteRegister(Adxl345Register.IntMap, 0x02);
            byte[] data = new byte[4];

            bool ok = sim.TryReadBurst(Adxl345Register.BwRate, data, 0, 4);

            Assert.IsTrue(ok);
            Assert.AreEqual(0x0D, (int)data[0]);
            Assert.AreEqual(0x00, (int)data[1]);
            Assert.AreEqual(0x83, (int)data[2]);
            Assert.AreEqual(0x02, (int)data[3]);
        }

        [TestMethod]
        public void NoSamplesInStandby()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);
            sim.TryWriteRegister(Adxl345Register.FifoCtl, Adxl345Bits.FifoModeStream);

            sim.Advance(100000);

            Assert.AreEqual(0, sim.SamplesProduced);
            Assert.AreEqual(0, sim.FifoCount);
        }

        [TestMethod]
        public void FifoFillsAtTheOutputDataRate()
        {
            Adxl345Simulator sim = Measuring(Ramp, 0x0D, Adxl345Bits.FifoModeStream, 0x0B);

            sim.Advance(Period800 - 1);
            int before = Read(sim, Adxl345Register.FifoStatus);
            sim.Advance(1);
            int first = Read(sim, Adxl345Register.FifoStatus);
            sim.Advance(Period800 * 9);
            int tenth = Read(sim, Adxl345Register.FifoStatus);

            Assert.AreEqual(0, before);
            Assert.AreEqual(1, first);
            Assert.AreEqual(10, tenth);
        }

        [TestMethod]
        public void RateOf3200HzKeepsTheHalfMicrosecond()
        {
            // 312.5 microseconds per sample: 3125 microseconds hold exactly 10 samples.
            Adxl345Simulator sim = Measuring(Ramp, Adxl345Bits.Rate3200Hz, Adxl345Bits.FifoModeStream, 0x0B);

            for (int i = 0; i < 5; i++)
            {
                sim.Advance(625);
            }

            Assert.AreEqual(10, sim.SamplesProduced);
            Assert.AreEqual(312, Adxl345Simulator.PeriodMicroseconds(Adxl345Bits.Rate3200Hz));
            Assert.AreEqual(10000, Adxl345Simulator.PeriodMicroseconds(Adxl345Bits.Rate100Hz));
        }

        [TestMethod]
        public void FifoModeStopsCollectingWhenFull()
        {
            Adxl345Simulator sim = Measuring(Ramp, 0x0D, Adxl345Bits.FifoModeFifo, 0x0B);

            sim.Advance(Period800 * 40);
            int status = Read(sim, Adxl345Register.FifoStatus);
            int source = Read(sim, Adxl345Register.IntSource);
            int oldest = PopX(sim);

            Assert.AreEqual(32, status);
            Assert.AreEqual(Adxl345Bits.IntOverrun, source & Adxl345Bits.IntOverrun);
            Assert.AreEqual(0, oldest, "FIFO mode keeps the first 32 samples");
            Assert.AreEqual(8, sim.LostSampleCount);
        }

        [TestMethod]
        public void StreamModeOverwritesTheOldest()
        {
            Adxl345Simulator sim = Measuring(Ramp, 0x0D, Adxl345Bits.FifoModeStream, 0x0B);

            sim.Advance(Period800 * 40);
            int status = Read(sim, Adxl345Register.FifoStatus);
            int source = Read(sim, Adxl345Register.IntSource);
            int oldest = PopX(sim);
            int afterPop = Read(sim, Adxl345Register.IntSource);

            Assert.AreEqual(32, status);
            Assert.AreEqual(Adxl345Bits.IntOverrun, source & Adxl345Bits.IntOverrun);
            Assert.AreEqual(8, oldest, "Stream mode keeps the latest 32 samples");
            Assert.AreEqual(0, afterPop & Adxl345Bits.IntOverrun, "reading data clears Overrun");
            Assert.AreEqual(8, sim.LostSampleCount);
        }

        [TestMethod]
        public void WatermarkFollowsTheSamplesBits()
        {
            Adxl345Simulator sim = Measuring(Ramp, 0x0D, (byte)(Adxl345Bits.FifoModeStream | 4), 0x0B);

            sim.Advance(Period800 * 3);
            int three = Read(sim, Adxl345Register.IntSource);
            sim.Advance(Period800);
            int four = Read(sim, Adxl345Register.IntSource);
            PopX(sim);
            int popped = Read(sim, Adxl345Register.IntSource);

            Assert.AreEqual(Adxl345Bits.IntDataReady, three, "three entries: data ready only");
            Assert.AreEqual(Adxl345Bits.IntDataReady | Adxl345Bits.IntWatermark, four & 0xFF, "four entries: watermark");
            Assert.AreEqual(Adxl345Bits.IntDataReady, popped, "below the watermark again");
        }

        [TestMethod]
        public void EachDataBurstPopsOneEntryInOrder()
        {
            Adxl345Simulator sim = Measuring(Ramp, 0x0D, Adxl345Bits.FifoModeStream, 0x0B);
            sim.Advance(Period800 * 5);
            byte[] data = new byte[8];

            // 8 bytes from DATAX0: six data bytes, then FIFO_CTL and FIFO_STATUS after the pop.
            sim.TryReadBurst(Adxl345Register.DataX0, data, 0, 8);
            int x = (short)(data[0] | (data[1] << 8));
            int y = (short)(data[2] | (data[3] << 8));
            int z = (short)(data[4] | (data[5] << 8));
            int second = PopX(sim);
            int third = PopX(sim);

            Assert.AreEqual(0, x);
            Assert.AreEqual(0, y);
            Assert.AreEqual(1000, z);
            Assert.AreEqual(Adxl345Bits.FifoModeStream, (int)data[6]);
            Assert.AreEqual(4, (int)data[7], "FIFO_STATUS read after the pop");
            Assert.AreEqual(1, second);
            Assert.AreEqual(2, third);
            Assert.AreEqual(2, sim.FifoCount);
        }

        [TestMethod]
        public void SingleByteDataReadStillPopsTheEntry()
        {
            Adxl345Simulator sim = Measuring(Ramp, 0x0D, Adxl345Bits.FifoModeStream, 0x0B);
            sim.Advance(Period800 * 3);

            Read(sim, Adxl345Register.DataX0);
            int next = PopX(sim);

            Assert.AreEqual(1, next, "the rest of sample 0 is lost");
        }

        [TestMethod]
        public void BypassModeHoldsTheLatestSampleAndFlagsReplacedData()
        {
            Adxl345Simulator sim = Measuring(Ramp, 0x0D, Adxl345Bits.FifoModeBypass, 0x0B);

            sim.Advance(Period800 * 3);
            int source = Read(sim, Adxl345Register.IntSource);
            int status = Read(sim, Adxl345Register.FifoStatus);
            int latest = PopX(sim);
            int afterRead = Read(sim, Adxl345Register.IntSource);

            Assert.AreEqual(Adxl345Bits.IntDataReady | Adxl345Bits.IntOverrun, source & 0x81, "data ready and overrun");
            Assert.AreEqual(0, status);
            Assert.AreEqual(2, latest);
            Assert.AreEqual(0, afterRead & 0x81, "cleared by the data read");
        }

        [TestMethod]
        public void OutputIsClippedToTheRangeAndLeftJustified()
        {
            // Full resolution 2 g: 10 bits; 600 clips to 511; left-justified puts the LSB on bit 6.
            byte format = (byte)(Adxl345Bits.DataFormatFullResolution | Adxl345Bits.DataFormatJustifyLeft);
            Adxl345Simulator sim = Measuring(Constant600, 0x0D, Adxl345Bits.FifoModeStream, format);
            sim.Advance(Period800);

            int raw = PopX(sim);

            Assert.AreEqual(511 << 6, raw);
        }

        [TestMethod]
        public void LeastSignificantBitIsZeroAt3200Hz()
        {
            Adxl345Simulator sim = Measuring(Constant5, Adxl345Bits.Rate3200Hz, Adxl345Bits.FifoModeStream, 0x0B);
            sim.Advance(625);

            int value = PopX(sim);

            Assert.AreEqual(4, value);
        }

        [TestMethod]
        public void BusErrorFaultFailsTransfersAndCountsThem()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);
            sim.Fault = SimulatorFault.BusError;
            byte value;

            bool read = sim.TryReadRegister(Adxl345Register.DevId, out value);
            bool write = sim.TryWriteRegister(Adxl345Register.PowerCtl, 0x08);

            Assert.IsFalse(read);
            Assert.IsFalse(write);
            Assert.AreEqual(2, sim.ErrorCount);
            Assert.AreEqual(0, (int)sim.PeekRegister(Adxl345Register.PowerCtl), "the write was lost");
        }

        [TestMethod]
        public void AbsentChipReadsTheStuckLevel()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);
            sim.Fault = SimulatorFault.AbsentReadsOnes;
            int ones = Read(sim, Adxl345Register.DevId);
            sim.Fault = SimulatorFault.AbsentReadsZero;
            int zero = Read(sim, Adxl345Register.DevId);

            Assert.AreEqual(0xFF, ones);
            Assert.AreEqual(0x00, zero);
            Assert.AreEqual(0, sim.ErrorCount);
        }

        [TestMethod]
        public void AddressesBeyondSixBitsAreRejected()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), ReadWithReadBitSet);
        }

        private static void ReadWithReadBitSet()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Ramp);
            byte value;
            sim.TryReadRegister(0x80, out value);
        }
    }
}
