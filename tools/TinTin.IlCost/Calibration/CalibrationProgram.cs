// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.IlCost.Calibration
{
    /// <summary>
    /// The interpreter side of the calibration (<c>calibrate.sh</c>): every run of
    /// <see cref="CalibrationRuns"/> as build, warm-up and measured steps, then the native-call benchmarks of
    /// <see cref="NativeCalls"/>, each phase between two calls of
    /// <c>Math.Cbrt</c>, a native method nothing else calls. callgrind (<c>--dump-before=*Cbrt*</c>)
    /// writes one profile per call, so the profile that ends at the phase's second call is the phase alone.
    /// <c>MnistImages</c> is written by <c>calibrate.sh</c> from the MNIST training images.
    /// </summary>
    public static class CalibrationProgram
    {
        /// <summary>Entry point on the interpreter.</summary>
        public static void Main()
        {
            CalibrationWorkload.RealImages = MnistImages.Pixels;
            CalibrationWorkload.RealLabels = MnistImages.Labels;
            string[] runs = CalibrationRuns.All();
            int marks = 0;
            for (int r = 0; r < runs.Length; r++)
            {
                string model;
                int mode;
                int zeros;
                int warmup;
                CalibrationRuns.Parse(runs[r], out model, out mode, out zeros, out warmup);
                Console.WriteLine("phase " + (marks + 2).ToString() + " build " + runs[r]);
                marks += Mark(marks);
                CalibrationWorkload workload = new CalibrationWorkload(model, mode, CalibrationRuns.Samples, zeros);
                marks += Mark(marks);
                Console.WriteLine("phase " + (marks + 2).ToString() + " warmup " + runs[r] + " steps=" + warmup.ToString());
                marks += Mark(marks);
                for (int i = 0; i < warmup; i++)
                {
                    workload.Step();
                }

                marks += Mark(marks);
                Console.WriteLine("phase " + (marks + 2).ToString() + " steps " + runs[r] + " steps=" + CalibrationRuns.MeasuredSteps.ToString());
                marks += Mark(marks);
                for (int i = 0; i < CalibrationRuns.MeasuredSteps; i++)
                {
                    workload.Step();
                }

                marks += Mark(marks);
            }

            string[] natives = NativeCalls.All();
            for (int r = 0; r < natives.Length; r++)
            {
                Console.WriteLine("phase " + (marks + 2).ToString() + " native " + natives[r] + " calls=" + NativeCalls.Calls.ToString());
                marks += Mark(marks);
                NativeCalls.Run(natives[r]);
                marks += Mark(marks);
            }

            Console.WriteLine("calibration done");
        }

        private static int Mark(int marks)
        {
            return Math.Cbrt(marks) >= 0 ? 1 : 1;
        }
    }
}
