// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Device.Gpio;
using nanoFramework.Hardware.Esp32;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Storage;

namespace TinTin.Firmware.Nano
{
    /// <summary>
    /// The ESP32 family behind <see cref="IBoard"/>: GC and IDF heap figures, the internal flash
    /// drive I: for checkpoints, the status LED (with its polarity) and the label button (BOOT,
    /// GPIO0, active low, debounced by time).
    /// </summary>
    public sealed class Esp32Board : IBoard
    {
        private const int DebounceUs = 50000;

        private readonly BoardPins _pins;
        private readonly GpioPin _led;
        private readonly GpioPin _button;
        private readonly IDeviceClock _clock;
        private readonly ICheckpointFiles _storage;
        private bool _wasPressed;
        private long _lastChangeUs;

        /// <summary>Opens the LED and the button.</summary>
        /// <param name="pins">The board's pin map.</param>
        /// <param name="targetName">The nanoFramework target (from the manifest).</param>
        /// <param name="hasFpu">FPU presence from the target table.</param>
        /// <param name="buttonPin">The label button's GPIO (active low), or -1 for none.</param>
        /// <param name="clock">The µs clock (for debouncing).</param>
        public Esp32Board(BoardPins pins, string targetName, bool hasFpu, int buttonPin, IDeviceClock clock)
        {
            _pins = pins;
            TargetName = targetName;
            HasFpu = hasFpu;
            _clock = clock;
            GpioController gpio = new GpioController();
            if (pins.StatusLed >= 0)
            {
                _led = gpio.OpenPin(pins.StatusLed, PinMode.Output);
            }

            if (buttonPin >= 0)
            {
                _button = gpio.OpenPin(buttonPin, PinMode.InputPullUp);
            }

            _storage = FlashCheckpointFiles.Open(FlashCheckpointFiles.InternalDrive);
        }

        /// <inheritdoc/>
        public string TargetName { get; }

        /// <inheritdoc/>
        public bool HasFpu { get; }

        /// <inheritdoc/>
        public ICheckpointFiles Storage
        {
            get { return _storage; }
        }

        /// <inheritdoc/>
        public long ManagedFreeBytes()
        {
            // A full, non-compacting collection: the price of an exact figure, paid once per report.
            return nanoFramework.Runtime.Native.GC.Run(false);
        }

        /// <inheritdoc/>
        public bool TryReadNativeMemory(out long free, out long largestBlock)
        {
            uint total;
            uint freeBytes;
            uint largest;
            NativeMemory.GetMemoryInfo(NativeMemory.MemoryType.All, out total, out freeBytes, out largest);
            free = freeBytes;
            largestBlock = largest;
            return true;
        }

        /// <inheritdoc/>
        public void SetLed(bool on)
        {
            if (_led != null)
            {
                _led.Write(on != _pins.StatusLedActiveLow ? PinValue.High : PinValue.Low);
            }
        }

        /// <inheritdoc/>
        public bool TakeButtonPress()
        {
            if (_button == null)
            {
                return false;
            }

            bool pressed = _button.Read() == PinValue.Low;
            long now = _clock.Microseconds;
            if (pressed == _wasPressed || now - _lastChangeUs < DebounceUs)
            {
                return false;
            }

            _wasPressed = pressed;
            _lastChangeUs = now;
            return pressed;
        }
    }
}
