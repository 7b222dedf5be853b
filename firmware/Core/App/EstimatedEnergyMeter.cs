// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// Energy estimated from time: active microseconds × the board's active power plus the rest ×
    /// its idle power (nanoFramework.json, each figure with its datasheet source). An estimate, and
    /// flagged as one: it knows nothing of radio bursts, sensor current or regulator losses.
    /// </summary>
    public sealed class EstimatedEnergyMeter : IEnergyMeter
    {
        private readonly IDeviceClock _clock;
        private readonly long _startUs;
        private long _activeUs;
        private long _activeSinceUs = -1;

        /// <summary>Creates the meter.</summary>
        /// <param name="clock">The device clock.</param>
        /// <param name="activeMicrowatts">Power while computing.</param>
        /// <param name="idleMicrowatts">Power while waiting for the sensor.</param>
        public EstimatedEnergyMeter(IDeviceClock clock, long activeMicrowatts, long idleMicrowatts)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (activeMicrowatts < 0 || idleMicrowatts < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(activeMicrowatts));
            }

            _clock = clock;
            ActiveMicrowatts = activeMicrowatts;
            IdleMicrowatts = idleMicrowatts;
            _startUs = clock.Microseconds;
        }

        /// <summary>Gets the power assumed while active.</summary>
        public long ActiveMicrowatts { get; }

        /// <summary>Gets the power assumed while idle.</summary>
        public long IdleMicrowatts { get; }

        /// <inheritdoc/>
        public bool IsEstimate
        {
            get { return true; }
        }

        /// <inheritdoc/>
        public void BeginActive()
        {
            if (_activeSinceUs < 0)
            {
                _activeSinceUs = _clock.Microseconds;
            }
        }

        /// <inheritdoc/>
        public void EndActive()
        {
            if (_activeSinceUs >= 0)
            {
                _activeUs += _clock.Microseconds - _activeSinceUs;
                _activeSinceUs = -1;
            }
        }

        /// <inheritdoc/>
        public long ReadMicrojoules()
        {
            long now = _clock.Microseconds;
            long active = _activeUs + (_activeSinceUs >= 0 ? now - _activeSinceUs : 0);
            long idle = now - _startUs - active;

            // µW × µs = pJ; / 10^6 gives µJ. Split to stay in range for years of uptime at watts.
            return Microjoules(active, ActiveMicrowatts) + Microjoules(idle, IdleMicrowatts);
        }

        private static long Microjoules(long microseconds, long microwatts)
        {
            return (microseconds / 1000000) * microwatts + (microseconds % 1000000) * microwatts / 1000000;
        }
    }
}
