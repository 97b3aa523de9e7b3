/** Error pages: 403, 404, 500 and 503. */
export const errors = {
  forbiddenTitle: "Du har inte behörighet till sidan",
  forbiddenBody: "Sidan är inte öppen för din roll. Om du behöver den, kontakta samordnarna.",
  notFoundTitle: "Sidan finns inte",
  notFoundBody: "Kontrollera adressen eller gå till startsidan.",
  unavailableTitle: "Tjänsten är tillfälligt otillgänglig",
  unavailableBody: "Vi kan inte nå databasen just nu. Försök igen om en stund – det du har sparat finns kvar.",
  errorTitle: "Något gick fel",
  errorBody: "Sidan kunde inte visas. Försök igen om en stund.",
  toStart: "Till startsidan",
};
