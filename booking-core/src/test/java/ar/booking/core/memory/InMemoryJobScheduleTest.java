package ar.booking.core.memory;

import ar.booking.core.ports.JobScheduleContract;
import ar.booking.core.scheduling.JobSchedule;

class InMemoryJobScheduleTest extends JobScheduleContract {
  private final InMemoryStores db = InMemoryStores.create();

  @Override
  protected JobSchedule schedule() {
    return db.jobSchedule();
  }
}
