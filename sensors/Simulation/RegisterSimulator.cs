// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// What every register-level chip simulator shares: fault injection (<see cref="Fault"/>, <see cref="FailNextTransfers"/>),
    /// the bus error counter a bus reports (<see cref="ErrorCount"/>) and the count of illegal register accesses.
    /// </summary>
    /// <remarks>
    /// A transfer starts with <see cref="BeginTransfer"/>: a pending transient failure or the <see cref="SimulatorFault.BusError"/>
    /// fault fails it and counts an error; with an absent-chip fault it completes, reads give <see cref="AbsentByte"/> and writes
    /// are lost; otherwise the chip model answers.
    /// </remarks>
    public abstract class RegisterSimulator
    {
        private int _errorCount;
        private int _failNext;
        private int _illegalAccessCount;
        private SimulatorFault _fault;

        /// <summary>
        /// Gets the number of failed transfers since this simulator was created.
        /// </summary>
        public int ErrorCount
        {
            get { return _errorCount; }
        }

        /// <summary>
        /// Gets or sets the fault the simulator injects into every transfer.
        /// </summary>
        public SimulatorFault Fault
        {
            get { return _fault; }
            set { _fault = value; }
        }

        /// <summary>
        /// Gets the number of writes to reserved or read-only registers and reads of reserved registers.
        /// </summary>
        public int IllegalAccessCount
        {
            get { return _illegalAccessCount; }
        }

        /// <summary>
        /// Gets a value indicating whether a fault other than <see cref="SimulatorFault.None"/> is injected:
        /// transfers that complete read <see cref="AbsentByte"/> and lose writes.
        /// </summary>
        protected bool Absent
        {
            get { return _fault != SimulatorFault.None; }
        }

        /// <summary>
        /// Makes the next <paramref name="count"/> transfers fail as bus errors (a transient fault).
        /// </summary>
        /// <param name="count">The number of transfers to fail, 0 or more.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
        public void FailNextTransfers(int count)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _failNext = count;
        }

        /// <summary>
        /// Starts a transfer: fails it (counting an error) on a pending transient failure or the bus error fault.
        /// </summary>
        /// <returns><c>true</c> when the transfer goes ahead.</returns>
        protected bool BeginTransfer()
        {
            if (_failNext > 0)
            {
                _failNext--;
                _errorCount++;
                return false;
            }

            if (_fault == SimulatorFault.BusError)
            {
                _errorCount++;
                return false;
            }

            return true;
        }

        /// <summary>
        /// The byte an absent chip reads: 0xFF with <see cref="SimulatorFault.AbsentReadsOnes"/>, else 0x00.
        /// </summary>
        /// <returns>The byte read.</returns>
        protected byte AbsentByte()
        {
            return _fault == SimulatorFault.AbsentReadsOnes ? (byte)0xFF : (byte)0x00;
        }

        /// <summary>
        /// Counts a write to a reserved or read-only register, or a read of a reserved one.
        /// </summary>
        protected void CountIllegalAccess()
        {
            _illegalAccessCount++;
        }
    }
}
