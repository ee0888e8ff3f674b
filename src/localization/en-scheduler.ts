/**
 * English strings of `<outcome-picker>`'s follow-up scheduler, and of the rules it checks
 * (callable hours, last day): loaded with the scheduler (see components/outcome-picker/scheduler/),
 * not with the picker.
 */
export const enScheduler = {
  'scheduled.label': 'Follow-up date and time',
  'scheduled.zone': (zone: string) => `Time zone: ${zone}`,
  'scheduled.nonexistentLocalTime': (zone: string) =>
    `That time does not exist in ${zone}: the clocks change then. Choose another time.`,
  'scheduler.rangeOverflow': (days: number, lastDay: string) =>
    `Choose a time no later than ${lastDay} (at most ${days} ${days === 1 ? 'day' : 'days'} ahead).`,
  'scheduler.outsideCallableHours': (localTime: string, hours: string) =>
    `The customer's local time would be ${localTime}; calls are allowed ${hours}.`,
  'scheduler.quickTimes': 'Quick follow-up times',
  'scheduler.calendar': 'Choose in a calendar',
  /** The letters of the placeholder, for day, month and year, in that order. */
  'scheduler.letters': 'dd mm yyyy',
  'scheduler.format': (pattern: string) => `Type it as ${pattern}; the year may be left out.`,
  'scheduler.badTyped': (pattern: string) => `Enter the date and time as ${pattern}.`,
  'scheduler.missingTime': (pattern: string) => `Add the time after the date: ${pattern}.`,
  'scheduler.needsDayPeriod': (am: string, pm: string) => `Add ${am} or ${pm} to the time.`,
  'scheduler.dayAt': (day: string, time: string) => `${day} ${time}`,
  'scheduler.nextBusinessDay': (time: string) => `Next business day ${time}`,
  'scheduler.businessDays': (count: number, time: string) => `In ${count} business days, ${time}`,
  'scheduler.both': (customerTime: string, zone: string, agentTime: string) =>
    `${customerTime} for the customer (${zone}) · ${agentTime} your time`,
  'scheduler.customerZone': (zone: string) => `Times are the customer's: ${zone}`,
};
