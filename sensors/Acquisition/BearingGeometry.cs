// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Acquisition
{
    /// <summary>
    /// Rolling-element bearing geometry and its defect frequencies as multiples of the shaft frequency,
    /// in Q16 fixed point (value * 65536, rounded toward zero).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Standard kinematic formulas (no slip), with n balls, ball diameter Bd, pitch diameter Pd, contact
    /// angle a and r = (Bd / Pd) cos a:
    /// FTF = (1 - r) / 2 (cage); BPFO = (n / 2)(1 - r); BPFI = (n / 2)(1 + r);
    /// BSF = (Pd / (2 Bd))(1 - r^2) (ball spin). A ball spall strikes both races once per spin, so its
    /// impulses come at 2 BSF (<see cref="BallDefectQ16"/>).
    /// </para>
    /// <para>
    /// <see cref="Skf6205"/> is the CWRU drive-end bearing (6205-2RS JEM SKF): 9 balls, Bd = 0.3126 in
    /// = 7940 um, Pd = 1.537 in = 39040 um, a = 0. It gives BPFI 5.4152, BPFO 3.5848, FTF 0.3983 and
    /// 2 BSF 4.7135 times the shaft frequency, the multiples the CWRU bearing data center publishes
    /// (its "rolling element" value is 2 BSF).
    /// </para>
    /// </remarks>
    public sealed class BearingGeometry
    {
        private const int Q16 = 16;

        /// <summary>
        /// Initializes a new instance of the <see cref="BearingGeometry"/> class.
        /// </summary>
        /// <param name="ballCount">The number of rolling elements, at least 1.</param>
        /// <param name="ballDiameterMicrometres">The ball diameter in micrometres, at least 1.</param>
        /// <param name="pitchDiameterMicrometres">The pitch diameter in micrometres, greater than the ball diameter.</param>
        /// <param name="contactAngleDegrees">The contact angle in whole degrees, 0 to 45 (0 for a deep-groove bearing under radial load).</param>
        /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
        public BearingGeometry(int ballCount, int ballDiameterMicrometres, int pitchDiameterMicrometres, int contactAngleDegrees)
        {
            if (ballCount < 1 || ballCount > 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(ballCount));
            }

            if (ballDiameterMicrometres < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ballDiameterMicrometres));
            }

            if (pitchDiameterMicrometres <= ballDiameterMicrometres)
            {
                throw new ArgumentOutOfRangeException(nameof(pitchDiameterMicrometres));
            }

            if (contactAngleDegrees < 0 || contactAngleDegrees > 45)
            {
                throw new ArgumentOutOfRangeException(nameof(contactAngleDegrees));
            }

            BallCount = ballCount;
            BallDiameterMicrometres = ballDiameterMicrometres;
            PitchDiameterMicrometres = pitchDiameterMicrometres;
            ContactAngleDegrees = contactAngleDegrees;

            // cos a = sin(pi/2 - a), with a in radians = degrees * pi / 180.
            // The int on the left: PiQ30 fits a uint, so it compiles to ldc.i4 + conv.u8, which nanoCLR tags
            // unsigned, and a product keeps its left operand's tag (harmless here, the angle is >= 0).
            long cosQ30 = FixedPointMath.SinQ30(((90 - contactAngleDegrees) * FixedPointMath.PiQ30) / 180);

            // r = Bd cos a / Pd in Q30 (Bd < Pd, so r < 1 and nothing overflows).
            long rQ30 = (ballDiameterMicrometres * cosQ30) / pitchDiameterMicrometres;
            long one = FixedPointMath.OneQ30;
            long oneMinusR = one - rQ30;
            long onePlusR = one + rQ30;
            long oneMinusR2 = one - ((rQ30 * rQ30) >> 30);

            FtfQ16 = (int)((oneMinusR / 2) >> (30 - Q16));
            BpfoQ16 = (int)(((ballCount * oneMinusR) / 2) >> (30 - Q16));
            BpfiQ16 = (int)(((ballCount * onePlusR) / 2) >> (30 - Q16));

            // BSF = Pd (1 - r^2) / (2 Bd): the product is below 2^31 * 2^30, which fits a long.
            long bsfQ30 = (oneMinusR2 * pitchDiameterMicrometres) / (2L * ballDiameterMicrometres);
            BsfQ16 = (int)(bsfQ30 >> (30 - Q16));
        }

        /// <summary>
        /// Gets the CWRU drive-end bearing, SKF 6205-2RS JEM: 9 balls, 7940 um balls on a 39040 um pitch
        /// diameter, contact angle 0.
        /// </summary>
        public static BearingGeometry Skf6205
        {
            get { return new BearingGeometry(9, 7940, 39040, 0); }
        }

        /// <summary>Gets the number of rolling elements.</summary>
        public int BallCount { get; }

        /// <summary>Gets the ball diameter in micrometres.</summary>
        public int BallDiameterMicrometres { get; }

        /// <summary>Gets the pitch diameter in micrometres.</summary>
        public int PitchDiameterMicrometres { get; }

        /// <summary>Gets the contact angle in degrees.</summary>
        public int ContactAngleDegrees { get; }

        /// <summary>Gets the fundamental train (cage) frequency over the shaft frequency, Q16.</summary>
        public int FtfQ16 { get; }

        /// <summary>Gets the ball pass frequency of the outer race over the shaft frequency, Q16.</summary>
        public int BpfoQ16 { get; }

        /// <summary>Gets the ball pass frequency of the inner race over the shaft frequency, Q16.</summary>
        public int BpfiQ16 { get; }

        /// <summary>Gets the ball spin frequency over the shaft frequency, Q16.</summary>
        public int BsfQ16 { get; }

        /// <summary>Gets the ball-defect impulse rate (2 BSF) over the shaft frequency, Q16.</summary>
        public int BallDefectQ16
        {
            get { return 2 * BsfQ16; }
        }

        /// <summary>
        /// Gets the impulse rate of a defect over the shaft frequency, Q16: BPFI, BPFO or 2 BSF; 0 for
        /// <see cref="FaultKind.Healthy"/>.
        /// </summary>
        /// <param name="fault">The defect.</param>
        /// <returns>The multiplier, Q16.</returns>
        public int DefectMultiplierQ16(FaultKind fault)
        {
            switch (fault)
            {
                case FaultKind.InnerRace:
                    return BpfiQ16;
                case FaultKind.OuterRace:
                    return BpfoQ16;
                case FaultKind.Ball:
                    return BallDefectQ16;
                default:
                    return 0;
            }
        }
    }
}
