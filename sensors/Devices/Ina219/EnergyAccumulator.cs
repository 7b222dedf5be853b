// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Devices.Ina219
{
    /// <summary>
    /// Integrates power samples over time into energy, in integers: microwatts times microseconds
    /// (picojoules) are carried exactly, whole microjoules are totalled in a <see cref="long"/>.
    /// </summary>
    /// <remarks>
    /// Each <see cref="Add"/> treats the power as held for the elapsed time (rectangle rule): pass the
    /// power that stands for the interval (a sample at one end, or the mean of both ends for the trapezoid rule).
    /// No product can overflow: powers are limited to <see cref="MaxPowerMicrowatts"/> (1 MW), whole
    /// seconds and the sub-second rest of each interval are multiplied separately, and a total that would
    /// pass <see cref="long.MaxValue"/> microjoules saturates and sets <see cref="Saturated"/>.
    /// </remarks>
    public sealed class EnergyAccumulator
    {
        /// <summary>The largest power <see cref="Add"/> accepts: 10^12 microwatts (1 MW).</summary>
        public const long MaxPowerMicrowatts = 1000000000000L;

        private const long MicrosecondsPerSecond = 1000000L;
        private const long PicojoulesPerMicrojoule = 1000000L;

        private long _microjoules;
        private long _picojouleRemainder;
        private long _elapsedMicroseconds;
        private int _samples;
        private bool _saturated;

        /// <summary>Gets the energy in whole microjoules.</summary>
        public long TotalMicrojoules
        {
            get { return _microjoules; }
        }

        /// <summary>Gets the energy below one microjoule carried to the next sample, in picojoules (0 to 999999).</summary>
        public long RemainderPicojoules
        {
            get { return _picojouleRemainder; }
        }

        /// <summary>Gets the time integrated so far, in microseconds (saturates at <see cref="long.MaxValue"/>).</summary>
        public long ElapsedMicroseconds
        {
            get { return _elapsedMicroseconds; }
        }

        /// <summary>Gets the number of samples added.</summary>
        public int Samples
        {
            get { return _samples; }
        }

        /// <summary>Gets a value indicating whether the total reached <see cref="long.MaxValue"/> microjoules and stopped.</summary>
        public bool Saturated
        {
            get { return _saturated; }
        }

        /// <summary>
        /// Adds the energy of <paramref name="powerMicrowatts"/> held for <paramref name="elapsedMicroseconds"/>.
        /// </summary>
        /// <param name="powerMicrowatts">The power, 0 to <see cref="MaxPowerMicrowatts"/>.</param>
        /// <param name="elapsedMicroseconds">The duration, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
        public void Add(long powerMicrowatts, long elapsedMicroseconds)
        {
            if (powerMicrowatts < 0 || powerMicrowatts > MaxPowerMicrowatts)
            {
                throw new ArgumentOutOfRangeException(nameof(powerMicrowatts));
            }

            if (elapsedMicroseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(elapsedMicroseconds));
            }

            _samples++;
            _elapsedMicroseconds = elapsedMicroseconds > long.MaxValue - _elapsedMicroseconds ? long.MaxValue : _elapsedMicroseconds + elapsedMicroseconds;
            if (_saturated)
            {
                return;
            }

            long wholeSeconds = elapsedMicroseconds / MicrosecondsPerSecond;
            long restMicroseconds = elapsedMicroseconds % MicrosecondsPerSecond;

            // Below 10^12 * 10^6 = 10^18 picojoules: no overflow.
            long picojoules = _picojouleRemainder + (powerMicrowatts * restMicroseconds);
            long microjoules = picojoules / PicojoulesPerMicrojoule;
            _picojouleRemainder = picojoules % PicojoulesPerMicrojoule;

            if (microjoules > long.MaxValue - _microjoules)
            {
                Saturate();
                return;
            }

            _microjoules += microjoules;

            // Microwatts times whole seconds is microjoules; check the headroom before multiplying.
            if (wholeSeconds > 0 && powerMicrowatts > (long.MaxValue - _microjoules) / wholeSeconds)
            {
                Saturate();
                return;
            }

            _microjoules += powerMicrowatts * wholeSeconds;
        }

        /// <summary>Clears the total, the remainder, the elapsed time, the sample count and the saturation flag.</summary>
        public void Reset()
        {
            _microjoules = 0;
            _picojouleRemainder = 0;
            _elapsedMicroseconds = 0;
            _samples = 0;
            _saturated = false;
        }

        private void Saturate()
        {
            _microjoules = long.MaxValue;
            _picojouleRemainder = 0;
            _saturated = true;
        }
    }
}
