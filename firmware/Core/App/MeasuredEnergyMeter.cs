// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Sensors.Devices.Ina219;

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// Energy measured by an INA219 on the board's supply: bus voltage × current, integrated over the
    /// time between readings (sensors' <see cref="EnergyAccumulator"/>). The chip is read at every
    /// <see cref="ReadMicrojoules"/>; the firmware reads just before and just after each step, so a
    /// step's energy is the integral over that step, and marking active time needs no reading of its
    /// own (it would be a second I2C transaction at the same instant). A failed read keeps the last good
    /// power for the interval and counts the failure.
    /// </summary>
    public sealed class MeasuredEnergyMeter : IEnergyMeter
    {
        private readonly Ina219 _ina219;
        private readonly IDeviceClock _clock;
        private readonly EnergyAccumulator _energy = new EnergyAccumulator();
        private long _lastUs;
        private long _lastMicrowatts;

        /// <summary>Creates the meter over an initialised INA219.</summary>
        /// <param name="ina219">The power monitor.</param>
        /// <param name="clock">The device clock.</param>
        public MeasuredEnergyMeter(Ina219 ina219, IDeviceClock clock)
        {
            if (ina219 == null)
            {
                throw new ArgumentNullException(nameof(ina219));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            _ina219 = ina219;
            _clock = clock;
            _lastUs = clock.Microseconds;
            Sample();
        }

        /// <inheritdoc/>
        public bool IsEstimate
        {
            get { return false; }
        }

        /// <summary>Gets the number of readings that failed (the previous power was used instead).</summary>
        public int FailedReadings { get; private set; }

        /// <inheritdoc/>
        public void BeginActive()
        {
            // Measured, not modelled: what the board draws is read, active or not.
        }

        /// <inheritdoc/>
        public void EndActive()
        {
        }

        /// <inheritdoc/>
        public long ReadMicrojoules()
        {
            Sample();
            return _energy.TotalMicrojoules;
        }

        private void Sample()
        {
            long now = _clock.Microseconds;
            long microwatts;
            if (!_ina219.TryReadPowerMicrowatts(out microwatts))
            {
                FailedReadings++;
                microwatts = _lastMicrowatts;
            }

            // The interval up to now is charged at the power read at its end (the INA219 averages over its conversion time).
            _energy.Add(microwatts, now - _lastUs);
            _lastUs = now;
            _lastMicrowatts = microwatts;
        }
    }
}
