import type { ControlService } from '../control/control-service.ts';
import { demoCommandsAt } from './demo-schedule.ts';

export interface DemoDirectorOptions {
  /** The control service whose commands the demo plays: the same path as the control page's buttons. */
  control: ControlService;
  rosterIds: readonly string[];
  /** One beat of demo-schedule.ts. Default 1000; tests use a few ms. */
  beatMs?: number;
  log: (message: string) => void;
}

export interface DemoDirector {
  stop(): void;
}

/**
 * `npm run dev` only: plays demo-schedule.ts so a designer sees the meter celebrate and the lower thirds
 * come and go without opening the control page. Test reactions count for real, which is why the show
 * (`npm start`) never starts one.
 */
export function startDemoDirector(options: DemoDirectorOptions): DemoDirector {
  const { control, rosterIds, beatMs = 1000, log } = options;
  let beat = 0;
  let lastComplaint = '';
  const timer = setInterval(() => {
    for (const command of demoCommandsAt(beat++, rosterIds)) {
      const complain = (message: string) => {
        // Once every milestone is reached the same refusal comes back each beat: say it once.
        if (message !== lastComplaint) log(`demo: ${(lastComplaint = message)}`);
      };
      control.execute(command).then(
        (result) => result.ok || complain(result.error.message),
        (error: unknown) => complain(String(error)),
      );
    }
  }, beatMs);
  // A forgotten director must never keep the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
