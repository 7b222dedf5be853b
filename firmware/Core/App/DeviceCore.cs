// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Firmware.Core.Learning;
using TinTin.Firmware.Core.Link;
using TinTin.Firmware.Core.Storage;
using TinTin.Persistence;
using TinTin.Scaling;
using TinTin.Sensors.Acquisition;
using TinTin.Training;

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// The firmware, minus the board: modes (idle, collect, train, detect), the current label, the
    /// learning loop, checkpoints, counters and the link to the host. <see cref="Poll"/> is one turn of
    /// the main loop; the board's Program calls it forever, the host simulator calls it on simulated
    /// time. Windows come from the board's accelerometer or, hardware-in-the-loop, from the host as
    /// sample frames; both take the same path.
    /// </summary>
    public sealed class DeviceCore
    {
        private const int ReadChunk = 256;

        private readonly FirmwareSettings _settings;
        private readonly IBoard _board;
        private readonly IDeviceClock _clock;
        private readonly IEnergyMeter _energy;
        private readonly WindowAssembler _sensor;
        private readonly ILinkPort _link;
        private readonly LinkCounters _counters;
        private readonly FrameEncoder _encoder = new FrameEncoder();
        private readonly FrameDecoder _decoder = new FrameDecoder();
        private readonly byte[] _readBuffer = new byte[ReadChunk];
        private readonly SampleWindow _window;
        private readonly int[] _hostWindow;
        private readonly CommandMessage _command = new CommandMessage();
        private readonly SamplesMessage _samples = new SamplesMessage();
        private readonly ModelChunkMessage _chunk = new ModelChunkMessage();
        private readonly PredictionMessage _prediction = new PredictionMessage();
        private readonly CountersMessage _countersMessage = new CountersMessage();
        private readonly AckMessage _ack = new AckMessage();
        private readonly NakMessage _nak = new NakMessage();
        private readonly NoveltyRule _novelty;
        private readonly CheckpointStore _checkpoints;
        private ModelAssembler _incomingModel;
        private int _hostWindowFilled;
        private long _hostWindowSequence = -1;
        private long _lastReportUs;
        private long _windowsProcessed;

        /// <summary>Creates the core; call <see cref="Boot"/> next.</summary>
        /// <param name="settings">What to learn and how.</param>
        /// <param name="board">The board's services.</param>
        /// <param name="clock">The µs clock.</param>
        /// <param name="energy">Measured or estimated energy.</param>
        /// <param name="sensor">The window assembler over the accelerometer, or null when no sensor answered.</param>
        /// <param name="sensorStatus">Why there is no sensor (reported at boot), or null.</param>
        /// <param name="link">The byte stream to the host.</param>
        public DeviceCore(FirmwareSettings settings, IBoard board, IDeviceClock clock, IEnergyMeter energy, WindowAssembler sensor, string sensorStatus, ILinkPort link)
        {
            if (settings == null || board == null || clock == null || energy == null || link == null)
            {
                throw new ArgumentNullException(settings == null ? nameof(settings) : board == null ? nameof(board) : clock == null ? nameof(clock) : energy == null ? nameof(energy) : nameof(link));
            }

            settings.Validate();
            _settings = settings;
            _board = board;
            _clock = clock;
            _energy = energy;
            _sensor = sensor;
            SensorStatus = sensorStatus;
            _link = link;

            TrainingOptions options = new TrainingOptions();
            options.Mode = TrainingMode.TinTin;
            options.Seed = settings.Seed;
            options.InitialUpscale = true;
            options.LearningRate = Scale.PowerOfTwo(settings.LearningRateLog2);
            options.BatchSize = settings.BatchSize;
            Model model = new Model(ModelCatalog.Create(settings.Model), options);
            Loop = new LearningLoop(model, new WindowFeatures(settings.Feature, settings.WindowLength, settings.Bands), settings.AccuracyWindow);
            _novelty = new NoveltyRule(settings.NoveltyThresholdPerMille, settings.NoveltyRun);
            _window = new SampleWindow(settings.WindowLength);
            _hostWindow = new int[settings.WindowLength];
            _checkpoints = new CheckpointStore(board.Storage);
            _checkpoints.Interval = settings.CheckpointInterval;
            _counters = new LinkCounters();
            Mode = sensor == null ? DeviceMode.Idle : DeviceMode.Train;
            Label = LearningLoop.NoLabel;
            ReportPeriodMs = settings.ReportPeriodMs;
        }

        /// <summary>Gets the learning loop (and through it the model).</summary>
        public LearningLoop Loop { get; }

        /// <summary>Gets the current mode.</summary>
        public DeviceMode Mode { get; private set; }

        /// <summary>Gets the label given to sensor windows in train and collect mode (<see cref="LearningLoop.NoLabel"/>: none).</summary>
        public int Label { get; private set; }

        /// <summary>Gets the counter report period.</summary>
        public int ReportPeriodMs { get; private set; }

        /// <summary>Gets why there is no sensor, or null when one answered.</summary>
        public string SensorStatus { get; }

        /// <summary>Gets the measured step figures and totals behind the counters message.</summary>
        public LinkCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>Gets the link decoder's statistics (accepted and rejected frames by reason).</summary>
        public LinkStats LinkStats
        {
            get { return _decoder.Stats; }
        }

        /// <summary>Gets whether the last detection was flagged novel.</summary>
        public bool LastNovel { get; private set; }

        /// <summary>Restores the newest valid checkpoint and says hello: the first thing after power-up.</summary>
        /// <returns>The checkpoint report (which slot loaded, why others were rejected).</returns>
        public CheckpointRestoreReport Boot()
        {
            CheckpointRestoreReport restore = _checkpoints.Restore(Loop.Model);
            SendHello();
            SendEvent(EventCode.Boot, 0, "boot " + _board.TargetName + " mode " + ModeName(Mode));
            if (!restore.Enabled)
            {
                SendEvent(EventCode.CheckpointFailed, 0, "no file system: checkpoints disabled");
            }
            else
            {
                SendEvent(restore.Loaded ? EventCode.ModelLoaded : EventCode.CheckpointFailed, restore.Loaded ? (long)restore.Sequence : 0, restore.Format());
            }

            if (_sensor == null)
            {
                SendEvent(EventCode.SensorFault, 0, SensorStatus == null ? "no sensor" : SensorStatus);
            }

            _lastReportUs = _clock.Microseconds;
            UpdateLed();
            return restore;
        }

        /// <summary>One turn of the main loop: the link, the sensor, the button, the report.</summary>
        public void Poll()
        {
            ServiceLink();
            if (_board.TakeButtonPress())
            {
                CycleLabel();
            }

            if (_sensor != null && Mode != DeviceMode.Idle)
            {
                _sensor.Pump();
                while (_sensor.TryTakeWindow(_window))
                {
                    ProcessWindow(_window.Samples, _window.SequenceNumber, Label);
                }
            }

            long now = _clock.Microseconds;
            if (now - _lastReportUs >= ReportPeriodMs * 1000L)
            {
                _lastReportUs = now;
                SendCounters();
            }
        }

        /// <summary>Moves to the next label (the button): none, 0, 1, ..., classes - 1, none.</summary>
        public void CycleLabel()
        {
            int classes = Loop.Model.Spec.Output.Size;
            SetLabel(Label + 1 >= classes ? LearningLoop.NoLabel : Label + 1);
        }

        /// <summary>Runs one window (the sensor's or the host's) through the current mode.</summary>
        /// <param name="samples">The window's samples.</param>
        /// <param name="windowSequence">Its sequence number.</param>
        /// <param name="label">Its class, or <see cref="LearningLoop.NoLabel"/>.</param>
        public void ProcessWindow(int[] samples, long windowSequence, int label)
        {
            _windowsProcessed++;
            if (Mode == DeviceMode.Idle)
            {
                return;
            }

            if (Mode == DeviceMode.Collect)
            {
                SendWindow(samples, windowSequence, label);
                return;
            }

            bool train = Mode == DeviceMode.Train && label != LearningLoop.NoLabel;
            long startUs = _clock.Microseconds;
            long startUj = _energy.ReadMicrojoules();
            _energy.BeginActive();
            Loop.StepWindow(samples, train ? label : LearningLoop.NoLabel);
            _energy.EndActive();
            long micros = _clock.Microseconds - startUs;
            long microjoules = _energy.ReadMicrojoules() - startUj;
            if (train)
            {
                _counters.RecordTrainStep(micros, microjoules);
            }
            else
            {
                _counters.RecordInference(micros, microjoules);
            }

            int confidence = Loop.LastConfidencePerMille;
            LastNovel = Mode == DeviceMode.Detect && _novelty.Observe(confidence);
            if (LastNovel && _novelty.LowRun == _novelty.Run)
            {
                SendEvent(EventCode.Novelty, windowSequence, "confidence below " + _novelty.ThresholdPerMille.ToString() + " per mille for " + _novelty.Run.ToString() + " windows");
            }

            _prediction.WindowSequence = windowSequence;
            _prediction.PredictedClass = Loop.LastPrediction;
            _prediction.ConfidencePermille = confidence;
            _prediction.IsNovel = LastNovel;
            _prediction.Label = label;
            Send(MessageType.Prediction, _prediction.Write(_encoder.Payload, 0));

            if (train)
            {
                CheckpointSaveReport saved = _checkpoints.SaveIfDue(Loop.Model);
                if (saved != null)
                {
                    ReportSave(saved);
                }
            }
        }

        /// <summary>Saves a checkpoint now (the host's command, or before a planned power-down).</summary>
        /// <returns>The save report.</returns>
        public CheckpointSaveReport SaveCheckpoint()
        {
            Loop.Flush();
            CheckpointSaveReport saved = _checkpoints.Save(Loop.Model);
            ReportSave(saved);
            return saved;
        }

        /// <summary>Sends the counters message now.</summary>
        public void SendCounters()
        {
            CountersMessage message = _countersMessage;
            message.Clear();
            long free;
            long largest;
            message.Set(CounterId.ManagedFreeBytes, _board.ManagedFreeBytes());
            if (_board.TryReadNativeMemory(out free, out largest))
            {
                message.Set(CounterId.NativeFreeBytes, free);
                message.Set(CounterId.NativeLargestBlockBytes, largest);
            }

            MemoryPlan plan = Loop.Model.Plan;
            message.Set(CounterId.PlannedWeightsBytes, plan.WeightBytes);
            message.Set(CounterId.PlannedActivationsBytes, plan.ActivationBytes);
            message.Set(CounterId.PlannedGradientsBytes, plan.GradientBytes);
            message.Set(CounterId.PlannedScratchBytes, plan.ScratchBytes);
            message.Set(CounterId.TrainStepUs, _counters.LastTrainStepUs);
            message.Set(CounterId.InferenceUs, _counters.LastInferenceUs);
            message.Set(CounterId.WindowsAcquired, _sensor == null ? _windowsProcessed : _sensor.WindowsTaken);
            message.Set(CounterId.WindowsDropped, _sensor == null ? 0 : (_sensor.DroppedSamples + _sensor.DiscardedSamples) / _sensor.Hop);
            message.Set(CounterId.FifoOverruns, _sensor == null ? 0 : _sensor.SourceOverruns);
            message.Set(CounterId.BusErrors, _sensor == null ? 0 : _sensor.SourceErrors);
            message.Set(CounterId.TrainingSteps, Loop.TrainingSteps);
            message.Set(CounterId.PrequentialAccuracyPermille, Loop.Accuracy.PerMille);
            message.Set(CounterId.PrequentialWindows, Loop.Accuracy.Count);
            int saturations = 0;
            int rescales = 0;
            for (int l = 0; l < Loop.Model.LayerCount; l++)
            {
                saturations += Loop.Model.GetLayerStats(l).Saturations;
                rescales += Loop.Model.GetLayerStats(l).WeightRescales;
            }

            message.Set(CounterId.Saturations, saturations);
            message.Set(CounterId.RescaleEvents, rescales);
            message.Set(CounterId.CheckpointCount, _counters.Checkpoints);
            message.Set(CounterId.LastCheckpointSequence, _counters.LastCheckpointSequence);
            message.Set(CounterId.UptimeMs, _clock.Microseconds / 1000);
            message.Set(CounterId.EnergyPerTrainStepUj, _counters.LastTrainStepUj);
            message.Set(CounterId.EnergyPerInferenceUj, _counters.LastInferenceUj);
            message.Set(CounterId.EnergyCumulativeUj, _energy.ReadMicrojoules());
            message.Set(CounterId.EnergyEstimated, _energy.IsEstimate ? 1 : 0);
            message.Set(CounterId.Mode, (int)Mode);
            message.Set(CounterId.Label, Label);
            message.Set(CounterId.LinkFramesAccepted, _decoder.Stats.Accepted);
            message.Set(CounterId.LinkFramesRejected, _decoder.Stats.Rejected);
            Send(MessageType.Counters, message.Write(_encoder.Payload, 0));
        }

        private void ServiceLink()
        {
            int n;
            while ((n = _link.Read(_readBuffer, 0, _readBuffer.Length)) > 0)
            {
                int used = 0;
                while (used < n)
                {
                    used += _decoder.Feed(_readBuffer, used, n - used);
                    if (_decoder.HasFrame)
                    {
                        HandleFrame();
                    }
                }
            }
        }

        private void HandleFrame()
        {
            byte[] buffer = _decoder.Buffer;
            int offset = _decoder.PayloadOffset;
            int length = _decoder.PayloadLength;
            int sequence = _decoder.Sequence;
            switch (_decoder.Type)
            {
                case MessageType.Command:
                    NakReason reason = _command.Read(buffer, offset, length);
                    if (reason == NakReason.None)
                    {
                        reason = _command.Validate(Loop.Model.Spec.Output.Size, ModelChunkMessage.MaxModelLength);
                    }

                    if (reason != NakReason.None)
                    {
                        Nak(sequence, MessageType.Command, _command.Code, reason, "command rejected");
                        return;
                    }

                    Execute(sequence);
                    return;
                case MessageType.Samples:
                    reason = _samples.Read(buffer, offset, length);
                    if (reason == NakReason.None && _samples.WindowLength != _settings.WindowLength)
                    {
                        reason = NakReason.OutOfRange;
                    }

                    if (reason != NakReason.None)
                    {
                        Nak(sequence, MessageType.Samples, CommandCode.None, reason, "samples rejected: windows are " + _settings.WindowLength.ToString() + " samples");
                        return;
                    }

                    AcceptSamples(sequence);
                    return;
                case MessageType.ModelChunk:
                    reason = _chunk.Read(buffer, offset, length);
                    if (reason == NakReason.None)
                    {
                        reason = _incomingModel == null ? NakReason.WrongState : _incomingModel.Accept(_chunk);
                    }

                    if (reason != NakReason.None)
                    {
                        Nak(sequence, MessageType.ModelChunk, CommandCode.None, reason, "model chunk rejected");
                        return;
                    }

                    Ack(sequence, MessageType.ModelChunk, CommandCode.None);
                    if (_incomingModel.IsComplete)
                    {
                        LoadIncomingModel();
                    }

                    return;
                default:
                    Nak(sequence, _decoder.Type, CommandCode.None, NakReason.Unsupported, "the board does not take this message");
                    return;
            }
        }

        private void Execute(int sequence)
        {
            CommandCode code = _command.Code;
            switch (code)
            {
                case CommandCode.SetMode:
                    if (_sensor == null && _command.Argument != (long)DeviceMode.Idle && _command.Argument != (long)DeviceMode.Train && _command.Argument != (long)DeviceMode.Detect)
                    {
                        Nak(sequence, MessageType.Command, code, NakReason.WrongState, "no sensor: only host samples");
                        return;
                    }

                    Mode = (DeviceMode)(int)_command.Argument;
                    _novelty.Reset();
                    UpdateLed();
                    SendEvent(EventCode.ModeChanged, (int)Mode, "mode " + ModeName(Mode));
                    break;
                case CommandCode.SetLabel:
                    SetLabel((int)_command.Argument);
                    break;
                case CommandCode.SaveCheckpoint:
                    if (!SaveCheckpoint().Saved)
                    {
                        Nak(sequence, MessageType.Command, code, NakReason.StorageFailed, _checkpoints.Enabled ? "checkpoint failed" : "no file system");
                        return;
                    }

                    break;
                case CommandCode.ResetCounters:
                    _counters.Reset();
                    Loop.Accuracy.Reset();
                    SendEvent(EventCode.CountersReset, 0, "counters reset");
                    break;
                case CommandCode.SetReportPeriod:
                    ReportPeriodMs = (int)_command.Argument;
                    break;
                case CommandCode.SendModel:
                    Ack(sequence, MessageType.Command, code);
                    SendModel();
                    return;
                case CommandCode.LoadModel:
                    _incomingModel = new ModelAssembler(new byte[(int)_command.Argument]);
                    NakReason begun = _incomingModel.Begin(_command.Argument);
                    if (begun != NakReason.None)
                    {
                        _incomingModel = null;
                        Nak(sequence, MessageType.Command, code, begun, "cannot take a model of that size");
                        return;
                    }

                    break;
                case CommandCode.SendHello:
                    Ack(sequence, MessageType.Command, code);
                    SendHello();
                    return;
                default:
                    Nak(sequence, MessageType.Command, code, NakReason.UnknownCommand, "unknown command");
                    return;
            }

            Ack(sequence, MessageType.Command, code);
        }

        private void AcceptSamples(int sequence)
        {
            // Hardware-in-the-loop: the host streams a window in pieces; a new window sequence starts over.
            if (_samples.WindowSequence != _hostWindowSequence || _samples.SampleOffset != _hostWindowFilled)
            {
                if (_samples.SampleOffset != 0)
                {
                    _hostWindowSequence = -1;
                    _hostWindowFilled = 0;
                    Nak(sequence, MessageType.Samples, CommandCode.None, NakReason.BadOffset, "samples out of order: send the window from offset 0");
                    return;
                }

                _hostWindowSequence = _samples.WindowSequence;
                _hostWindowFilled = 0;
            }

            short[] values = _samples.Samples;
            for (int i = 0; i < _samples.SampleCount; i++)
            {
                _hostWindow[_hostWindowFilled + i] = values[i];
            }

            // Samples are not acked (the stream would halve its rate); a gap or a bad frame is naked.
            _hostWindowFilled += _samples.SampleCount;
            if (_hostWindowFilled == _settings.WindowLength)
            {
                _hostWindowFilled = 0;
                _hostWindowSequence = -1;
                ProcessWindow(_hostWindow, _samples.WindowSequence, _samples.Label);
            }
        }

        private void SetLabel(int label)
        {
            Label = label;
            UpdateLed();
            SendEvent(EventCode.LabelChanged, label, label == LearningLoop.NoLabel ? "label none" : "label " + label.ToString());
        }

        private void SendModel()
        {
            Loop.Flush();
            int size = ModelFile.GetSize(Loop.Model);
            byte[] file = new byte[size];
            ModelFile.Write(Loop.Model, file, 0);
            for (int offset = 0; offset < size; offset += ModelChunkMessage.MaxDataLength)
            {
                _chunk.TotalLength = size;
                _chunk.Offset = offset;
                _chunk.Data = file;
                _chunk.DataOffset = offset;
                _chunk.DataLength = Min(ModelChunkMessage.MaxDataLength, size - offset);
                Send(MessageType.ModelChunk, _chunk.Write(_encoder.Payload, 0));
            }

            SendEvent(EventCode.ModelSent, size, "model sent");
        }

        private void LoadIncomingModel()
        {
            byte[] file = _incomingModel.Target;
            _incomingModel = null;
            try
            {
                ModelFile.ReadInto(Loop.Model, file, 0, file.Length);
                Loop.Accuracy.Reset();
                SendEvent(EventCode.ModelLoaded, file.Length, "model loaded from the host");
            }
            catch (ModelFileException e)
            {
                // ReadInto checks everything before it changes the model: the old model keeps running.
                SendEvent(EventCode.ModelRejected, file.Length, e.Message);
            }
        }

        private void ReportSave(CheckpointSaveReport saved)
        {
            if (saved.Saved)
            {
                _counters.RecordCheckpoint(saved.Sequence);
                SendEvent(EventCode.CheckpointSaved, saved.Sequence, saved.Format());
            }
            else
            {
                SendEvent(EventCode.CheckpointFailed, 0, saved.Format());
            }
        }

        private void SendHello()
        {
            HelloMessage hello = new HelloMessage();
            Version version = typeof(DeviceCore).Assembly.GetName().Version;
            hello.FirmwareMajor = version.Major;
            hello.FirmwareMinor = version.Minor;
            hello.FirmwareBuild = version.Build;
            hello.FirmwareRevision = version.Revision;
            hello.ModelHash = ModelHash();
            hello.PlannedBytes = Loop.Model.Plan.TotalBytes;
            hello.HasFpu = _board.HasFpu;
            hello.TargetName = _board.TargetName;
            Send(MessageType.Hello, hello.Write(_encoder.Payload, 0));
        }

        private uint ModelHash()
        {
            // The architecture, as text, so the host can tell two boards running different models apart.
            ModelSpec spec = Loop.Model.Spec;
            string text = _settings.Model + " " + spec.Input.ToString();
            for (int l = 0; l < spec.Count; l++)
            {
                text += " " + spec[l].ToString();
            }

            byte[] bytes = new byte[4 * text.Length];
            int length = Utf8.Encode(text, bytes, 0, bytes.Length);
            return Crc32.Compute(bytes, 0, length);
        }

        private void SendWindow(int[] samples, long windowSequence, int label)
        {
            for (int offset = 0; offset < samples.Length && offset < _settings.WindowLength; offset += SamplesMessage.MaxSamples)
            {
                int count = Min(SamplesMessage.MaxSamples, _settings.WindowLength - offset);
                _samples.WindowSequence = windowSequence;
                _samples.WindowLength = _settings.WindowLength;
                _samples.SampleOffset = offset;
                _samples.Label = label;
                short[] values = _samples.Samples;
                for (int i = 0; i < count; i++)
                {
                    int v = samples[offset + i];
                    values[i] = (short)(v > short.MaxValue ? short.MaxValue : v < short.MinValue ? short.MinValue : v);
                }

                _samples.SampleCount = count;
                Send(MessageType.Samples, _samples.Write(_encoder.Payload, 0));
            }
        }

        private void SendEvent(EventCode code, long value, string text)
        {
            EventMessage message = new EventMessage();
            message.Code = (int)code;
            message.Value = value;
            message.Text = text;
            Send(MessageType.Event, message.Write(_encoder.Payload, 0));
        }

        private void Ack(int sequence, MessageType type, CommandCode code)
        {
            AckMessage ack = _ack;
            ack.AnsweredSequence = sequence;
            ack.AnsweredType = type;
            ack.Command = code;
            Send(MessageType.Ack, ack.Write(_encoder.Payload, 0));
        }

        private void Nak(int sequence, MessageType type, CommandCode code, NakReason reason, string text)
        {
            NakMessage nak = _nak;
            nak.AnsweredSequence = sequence;
            nak.AnsweredType = type;
            nak.Command = code;
            nak.Reason = reason;
            nak.Text = text;
            Send(MessageType.Nak, nak.Write(_encoder.Payload, 0));
        }

        private void Send(MessageType type, int payloadLength)
        {
            int length = _encoder.Encode(type, _clock.Microseconds, _encoder.Payload, 0, payloadLength);
            _link.Write(_encoder.Output, 0, length);
        }

        private void UpdateLed()
        {
            // Steady in train and detect, off when idle; collect lights it too (the label is in the counters).
            _board.SetLed(Mode != DeviceMode.Idle);
        }

        // System.Math is a separate package on nanoFramework; the core does not need it for this.
        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }

        private static string ModeName(DeviceMode mode)
        {
            switch (mode)
            {
                case DeviceMode.Collect:
                    return "collect";
                case DeviceMode.Train:
                    return "train";
                case DeviceMode.Detect:
                    return "detect";
                default:
                    return "idle";
            }
        }
    }
}
