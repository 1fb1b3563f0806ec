package ar.booking.persistence;

import ar.booking.core.ports.JobScheduleContract;
import ar.booking.core.scheduling.JobSchedule;

class PostgresJobScheduleIT extends JobScheduleContract {

  @Override
  protected JobSchedule schedule() {
    return SharedStores.get().jobSchedule();
  }
}
