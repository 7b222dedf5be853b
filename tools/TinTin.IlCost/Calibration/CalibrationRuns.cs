// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

#nullable disable

namespace TinTin.IlCost.Calibration
{
    /// <summary>
    /// The runs of the calibration: every catalog model in every mode after <see cref="WarmupSteps"/> steps, the
    /// MNIST models again on sparse (MNIST-like) images and on real MNIST images (the first
    /// <see cref="Samples"/> of the training split), then Tin-Tin and FP32 of every model after a long
    /// warm-up (a trained model skips more work than a fresh one, the benchmark measures after 200 steps).
    /// </summary>
    public static class CalibrationRuns
    {
        /// <summary>Different inputs per run (the steps cycle through them).</summary>
        public const int Samples = 8;

        /// <summary>Steps before the measured ones (not counted), in the short runs.</summary>
        public const int WarmupSteps = 2;

        /// <summary>Steps before the measured ones in the long runs of the MLPs (the benchmark's warm-up).</summary>
        public const int LongWarmupSteps = 200;

        /// <summary>Steps before the measured ones in the long runs of the convolutional models (fewer: they are slow under callgrind).</summary>
        public const int LongConvWarmupSteps = 50;

        /// <summary>Steps measured.</summary>
        public const int MeasuredSteps = 4;

        /// <summary>The share of zero pixels of the sparse MNIST runs (MNIST's own share is about 81 %).</summary>
        public const int MnistZeroPercent = 81;

        /// <summary>The zero share that means real MNIST images (see <see cref="CalibrationWorkload.RealImages"/>).</summary>
        public const int RealImages = -1;

        /// <summary>Every run as <c>model/mode/zero percent/warm-up steps</c>.</summary>
        /// <returns>The runs, in the order the program runs them.</returns>
        public static string[] All()
        {
            string[] models = CalibrationWorkload.Models();
            string[] runs = new string[(models.Length * 5) + 12];
            int n = 0;
            for (int m = 0; m < models.Length; m++)
            {
                for (int mode = 0; mode < 3; mode++)
                {
                    runs[n++] = models[m] + "/" + CalibrationWorkload.ModeName(mode) + "/0/" + WarmupSteps.ToString();
                }
            }

            string sparse = "/" + MnistZeroPercent.ToString() + "/" + WarmupSteps.ToString();
            runs[n++] = "mnist-mlp/tintin" + sparse;
            runs[n++] = "mnist-mlp/fp32" + sparse;
            runs[n++] = "mnist-lenet5/tintin" + sparse;
            runs[n++] = "mnist-lenet5/fp32" + sparse;
            string real = "/" + RealImages.ToString() + "/";
            runs[n++] = "mnist-mlp/tintin" + real + WarmupSteps.ToString();
            runs[n++] = "mnist-mlp/fp32" + real + WarmupSteps.ToString();
            runs[n++] = "mnist-lenet5/tintin" + real + WarmupSteps.ToString();
            runs[n++] = "mnist-lenet5/fp32" + real + WarmupSteps.ToString();
            runs[n++] = "mnist-mlp/tintin" + real + LongWarmupSteps.ToString();
            runs[n++] = "mnist-mlp/fp32" + real + LongWarmupSteps.ToString();
            runs[n++] = "mnist-lenet5/tintin" + real + LongConvWarmupSteps.ToString();
            runs[n++] = "mnist-lenet5/fp32" + real + LongConvWarmupSteps.ToString();
            for (int m = 0; m < models.Length; m++)
            {
                bool image = models[m].IndexOf("mnist") == 0;
                bool convolutional = models[m].IndexOf("lenet") >= 0 || models[m].IndexOf("cnn") >= 0;
                string tail = "/" + (image ? MnistZeroPercent : 0).ToString() + "/" + (convolutional ? LongConvWarmupSteps : LongWarmupSteps).ToString();
                runs[n++] = models[m] + "/tintin" + tail;
                runs[n++] = models[m] + "/fp32" + tail;
            }

            return runs;
        }

        /// <summary>Splits a run into its parts.</summary>
        /// <param name="run">A run of <see cref="All"/>.</param>
        /// <param name="model">The model.</param>
        /// <param name="mode">The mode (see <see cref="CalibrationWorkload"/>).</param>
        /// <param name="zeroPercent">The share of zero pixels.</param>
        /// <param name="warmup">The warm-up steps.</param>
        public static void Parse(string run, out string model, out int mode, out int zeroPercent, out int warmup)
        {
            string[] parts = run.Split('/');
            model = parts[0];
            mode = parts[1] == "tintin" ? CalibrationWorkload.TinTin : (parts[1] == "niti" ? CalibrationWorkload.Niti : CalibrationWorkload.Fp32);
            zeroPercent = int.Parse(parts[2]);
            warmup = int.Parse(parts[3]);
        }
    }
}
