// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using nanoFramework.TestFramework;
using TinTin.Sensors.Bus;
using TinTin.Sensors.Devices;
using TinTin.Sensors.Devices.Adxl345;
using TinTin.Sensors.Devices.Iis3dwb;
using TinTin.Sensors.Devices.Ina219;
using TinTin.Sensors.Devices.Mpu6886;
using TinTin.Sensors.Simulation;

namespace NFUnitTest
{
    /// <summary>
    /// Tests of what the drivers share through <see cref="RegisterDriver"/>: disposing a driver disposes its bus
    /// once, and a disposed driver can neither read nor initialize again.
    /// </summary>
    [TestClass]
    public class RegisterDriverTests
    {
        private static int Zero(int axis, int sampleIndex)
        {
            return 0;
        }

        [TestMethod]
        public void DisposingTheAdxl345DisposesItsBusOnce()
        {
            DisposableBus bus = new DisposableBus(new Adxl345Simulator(Zero));
            Adxl345 driver = new Adxl345(bus);
            Assert.AreEqual((int)Adxl345InitializationResult.Success, (int)driver.TryInitialize(Adxl345DataRate.Hz3200, Adxl345Range.PlusMinus16G), "initialization failed");

            driver.Dispose();
            driver.Dispose();

            Assert.AreEqual(1, bus.Disposals);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void DisposingTheIis3dwbDisposesItsBus()
        {
            DisposableBus bus = new DisposableBus(new Iis3dwbSimulator(Zero));
            Iis3dwb driver = new Iis3dwb(bus);
            Assert.AreEqual((int)Iis3dwbInitializationResult.Success, (int)driver.TryInitialize(Iis3dwbRange.PlusMinus16G), "initialization failed");

            driver.Dispose();

            Assert.AreEqual(1, bus.Disposals);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void DisposingTheMpu6886DisposesItsBus()
        {
            DisposableBus bus = new DisposableBus(new Mpu6886Simulator(Zero));
            Mpu6886 driver = new Mpu6886(bus);
            Assert.AreEqual((int)Mpu6886InitializationResult.Success, (int)driver.TryInitialize(Mpu6886Range.PlusMinus4G, 0), "initialization failed");

            driver.Dispose();

            Assert.AreEqual(1, bus.Disposals);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void DisposingTheIna219DisposesItsBus()
        {
            DisposableIna219Bus bus = new DisposableIna219Bus(new Ina219Simulator(100));
            Ina219 driver = new Ina219(bus);
            Assert.AreEqual((int)Ina219InitializationResult.Success, (int)driver.TryInitialize(100, 1000), "initialization failed");

            driver.Dispose();
            driver.Dispose();

            Assert.AreEqual(1, bus.Disposals);
            Assert.IsFalse(driver.IsInitialized);
        }

        [TestMethod]
        public void ADisposedDriverDoesNotRead()
        {
            Assert.ThrowsException(typeof(InvalidOperationException), ReadDisposed);
        }

        [TestMethod]
        public void ADisposedDriverDoesNotInitialize()
        {
            Assert.ThrowsException(typeof(ObjectDisposedException), InitializeDisposed);
        }

        [TestMethod]
        public void ADriverOverABusThatIsNotDisposableDisposes()
        {
            Adxl345Simulator sim = new Adxl345Simulator(Zero);
            Adxl345 driver = new Adxl345(sim);
            Assert.AreEqual((int)Adxl345InitializationResult.Success, (int)driver.TryInitialize(Adxl345DataRate.Hz100, Adxl345Range.PlusMinus2G), "initialization failed");

            driver.Dispose();

            Assert.IsFalse(driver.IsInitialized);
            Assert.AreEqual(0, sim.ErrorCount);
        }

        private static void ReadDisposed()
        {
            Adxl345 driver = new Adxl345(new Adxl345Simulator(Zero));
            driver.TryInitialize(Adxl345DataRate.Hz3200, Adxl345Range.PlusMinus16G);
            driver.Dispose();
            int read;
            driver.TryRead(new int[3], 0, 1, out read);
        }

        private static void InitializeDisposed()
        {
            Mpu6886 driver = new Mpu6886(new Mpu6886Simulator(Zero));
            driver.Dispose();
            driver.TryInitialize(Mpu6886Range.PlusMinus4G, 0);
        }
    }

    /// <summary>
    /// A register bus that passes every transfer to another and counts its disposals, as an adapter over an
    /// I2cDevice or SpiDevice disposes the device.
    /// </summary>
    internal sealed class DisposableBus : IRegisterBus, IDisposable
    {
        private readonly IRegisterBus _inner;
        private int _disposals;

        public DisposableBus(IRegisterBus inner)
        {
            _inner = inner;
        }

        public int Disposals
        {
            get { return _disposals; }
        }

        public int ErrorCount
        {
            get { return _inner.ErrorCount; }
        }

        public bool TryReadRegister(byte register, out byte value)
        {
            return _inner.TryReadRegister(register, out value);
        }

        public bool TryWriteRegister(byte register, byte value)
        {
            return _inner.TryWriteRegister(register, value);
        }

        public bool TryReadBurst(byte startRegister, byte[] buffer, int offset, int count)
        {
            return _inner.TryReadBurst(startRegister, buffer, offset, count);
        }

        public void Dispose()
        {
            _disposals++;
        }
    }

    /// <summary>
    /// An INA219 bus that passes every transfer to another and counts its disposals.
    /// </summary>
    internal sealed class DisposableIna219Bus : IIna219Bus, IDisposable
    {
        private readonly IIna219Bus _inner;
        private int _disposals;

        public DisposableIna219Bus(IIna219Bus inner)
        {
            _inner = inner;
        }

        public int Disposals
        {
            get { return _disposals; }
        }

        public int ErrorCount
        {
            get { return _inner.ErrorCount; }
        }

        public bool TryReadRegister(byte register, out ushort value)
        {
            return _inner.TryReadRegister(register, out value);
        }

        public bool TryWriteRegister(byte register, ushort value)
        {
            return _inner.TryWriteRegister(register, value);
        }

        public void Dispose()
        {
            _disposals++;
        }
    }
}
